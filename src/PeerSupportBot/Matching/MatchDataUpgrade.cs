using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Matching;

/// <summary>
/// The one-time upgrade to the storage shape where a match reads only the cohorts' partitions
/// (docs/storage.md). At start-up, before the first turn: every CohortMembers row gets its
/// reachability (from Contacts) and this month's count and last asked (from HelperLoad); each
/// asker's last suggestions become one "suggested" row and the mirror rows go; then the
/// HelperLoad and PersonRequests rows, which nothing reads any more, are deleted. Consent, profiles
/// and contacts are only read. Every step is idempotent, and a row "done" in Upgrades makes a
/// later start skip it with one read. Should storage be away at start-up, it retries every minute.
/// </summary>
internal sealed class MatchDataUpgrade(Tables tables, MembershipCopies memberships, TimeProvider time, ILogger<MatchDataUpgrade> logger) : IHostedLifecycleService, IDisposable
{
    public const string Name = "match-data-2";
    private const string UpgradesTable = "Upgrades";
    private const string LegacySuggested = "suggested|";
    private const string LegacySuggestedTo = "suggestedTo|";

    private readonly CancellationTokenSource _stopping = new();
    private bool _disposed;
    private Task _retries = Task.CompletedTask;

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        if (!await TryRunOnceAsync(cancellationToken))
        {
            _retries = RetryAsync(_stopping.Token);
        }
    }

    /// <summary>Upgrades whatever still has the old shape; returns how many rows it rewrote or removed.</summary>
    public async Task<int> UpgradeAsync(CancellationToken cancellationToken)
    {
        var upgradedMembers = await UpgradeMembershipsAsync(cancellationToken);
        var pairRows = await UpgradeSuggestionsAsync(cancellationToken);
        // Only once every membership carries its load may the old load rows go.
        var removed = await DeleteAllAsync("HelperLoad", cancellationToken) + await DeleteAllAsync("PersonRequests", cancellationToken);
        Log.StorageUpgraded(logger, Name, upgradedMembers, pairRows, removed);
        return upgradedMembers + pairRows + removed;
    }

    private async Task<bool> TryRunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            if ((await RowsAsync(tables.Existing(UpgradesTable), TableClient.CreateQueryFilter($"PartitionKey eq {Name}"), cancellationToken)).Count > 0)
            {
                return true;
            }

            // A new, empty deployment has nothing to upgrade and writes nothing; it looks again at the next start.
            if (!await AnyRowsAsync(cancellationToken))
            {
                return true;
            }

            await UpgradeAsync(cancellationToken);
            var upgrades = await tables.GetAsync(UpgradesTable, cancellationToken);
            await upgrades.UpsertEntityAsync(new TableEntity(Name, "done") { ["At"] = time.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Storage away at start-up must not stop the bot from starting (and /healthz from saying so).
            Log.StorageUpgradeFailed(logger, Name, exception);
            return false;
        }
    }

    private async Task<bool> AnyRowsAsync(CancellationToken cancellationToken)
    {
        foreach (var name in new[] { "CohortMembers", "PairHistory", "HelperLoad", "PersonRequests" })
        {
            if ((await RowsAsync(tables.Existing(name), null, cancellationToken, maxRows: 1)).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rows of a table that may not exist (none then), without creating it.</summary>
    private static async Task<IReadOnlyList<TableEntity>> RowsAsync(TableClient table, string? filter, CancellationToken cancellationToken, int maxRows = int.MaxValue)
    {
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(maxRows, 1000), cancellationToken: cancellationToken))
            {
                rows.Add(row);
                if (rows.Count >= maxRows)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
        }

        return rows;
    }

    private async Task RetryAsync(CancellationToken cancellationToken)
    {
        try
        {
            do
            {
                await Task.Delay(TimeSpan.FromMinutes(1), time, cancellationToken);
            }
            while (!await TryRunOnceAsync(cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task<int> UpgradeMembershipsAsync(CancellationToken cancellationToken)
    {
        var members = await tables.GetAsync("CohortMembers", cancellationToken);
        var contacts = await tables.GetAsync("Contacts", cancellationToken);
        var loads = tables.Existing("HelperLoad");
        var upgraded = 0;
        await foreach (var row in members.QueryAsync<CohortMemberEntity>(select: ["PartitionKey", "RowKey", "PersonKey", "Shape"], cancellationToken: cancellationToken))
        {
            if (row.Shape >= CohortMemberEntity.CurrentShape)
            {
                continue;
            }

            var partition = TableKeys.Encode(row.PersonKey);
            var contact = await contacts.GetEntityIfExistsAsync<TableEntity>(partition, "contact", cancellationToken: cancellationToken) is { HasValue: true } found ? found.Value : null;
            var load = await RowsAsync(loads, TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey eq {"load"}"), cancellationToken) is [var counted, ..] ? counted : null;
            // Reachable exactly as ContactLink.IsReachable says: a 1:1 chat, and Teams has not refused it.
            var reachable = contact is not null && contact.GetBoolean("Unreachable") != true && !string.IsNullOrEmpty(contact.GetString("ConversationId"));
            await memberships.ChangeAsync(row.PartitionKey, row.PersonKey, current =>
            {
                if (current.Shape >= CohortMemberEntity.CurrentShape)
                {
                    return false;
                }

                current.Reachable = reachable;
                current.LoadMonth = load?.GetString("Month");
                current.AskedInMonth = load?.GetInt32("Count") ?? 0;
                current.LastAskedAt = load?.GetDateTimeOffset("LastAskedAt");
                return true;
            }, cancellationToken);
            upgraded++;
        }

        return upgraded;
    }

    private async Task<int> UpgradeSuggestionsAsync(CancellationToken cancellationToken)
    {
        var pairs = await tables.GetAsync("PairHistory", cancellationToken);
        // "suggestedTo|" sorts before "suggested|": one range holds both kinds of old row.
        var filter = TableClient.CreateQueryFilter($"RowKey ge {LegacySuggestedTo} and RowKey lt {LegacySuggested + "~"}");
        var legacy = new List<TableEntity>();
        await foreach (var row in pairs.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            legacy.Add(row);
        }

        foreach (var partition in legacy.Where(row => row.RowKey.StartsWith(LegacySuggested, StringComparison.Ordinal)).GroupBy(row => row.PartitionKey))
        {
            var others = partition.Select(row => row.GetString("Other") ?? TableKeys.Decode(row.RowKey[LegacySuggested.Length..]));
            try
            {
                // A newer "suggested" row (written since) wins: add, never replace.
                await pairs.AddEntityAsync(new TableEntity(partition.Key, PairHistory.SuggestedRow) { ["Others"] = TableValues.Join(others) }, cancellationToken);
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
            }
        }

        foreach (var row in legacy)
        {
            await pairs.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }

        return legacy.Count;
    }

    private async Task<int> DeleteAllAsync(string tableName, CancellationToken cancellationToken)
    {
        var table = tables.Existing(tableName);
        var rows = await RowsAsync(table, null, cancellationToken);
        foreach (var row in rows)
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }

        return rows.Count;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host may stop it once more after the container disposed it (a test host disposed twice).
        if (!_disposed)
        {
            await _stopping.CancelAsync();
        }

        await _retries;
    }

    public void Dispose()
    {
        _disposed = true;
        _stopping.Dispose();
    }

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
