using Azure;
using Azure.Data.Tables;

namespace PeerSupportBot.Storage;

/// <summary>A per-person limit: at most <paramref name="Max"/> counted attempts within <paramref name="Window"/>, kept in <paramref name="Table"/>.</summary>
internal sealed record AttemptLimit(string Table, int Max, TimeSpan Window);

/// <summary>
/// Counts a person's attempts in a fixed window. The row is keyed by a <see cref="PersonPseudonyms"/>
/// hash, never by the person's id, and lives only as long as its window: a read that finds it
/// expired deletes it, and <see cref="PurgeExpiredAsync"/> (run by the deadline sweep) deletes
/// those nobody reads again. PartitionKey = pseudonym, RowKey = "count".
/// </summary>
internal sealed class AttemptCounter(Tables tables, PersonPseudonyms pseudonyms, TimeProvider time)
{
    private const string Row = "count";

    public async Task<bool> IsBlockedAsync(AttemptLimit limit, string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(limit.Table, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(pseudonyms.Of(personKey), Row, cancellationToken: cancellationToken);
        if (!entity.HasValue)
        {
            return false;
        }

        if (IsExpired(limit, entity.Value!))
        {
            await DeleteAsync(table, entity.Value!, cancellationToken);
            return false;
        }

        return entity.Value!.GetInt32("Count") >= limit.Max;
    }

    public async Task RecordAsync(AttemptLimit limit, string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(limit.Table, cancellationToken);
        var now = time.GetUtcNow();
        await table.ChangeAsync(pseudonyms.Of(personKey), Row, existing =>
        {
            var expired = existing is null || IsExpired(limit, existing);
            return new TableEntity
            {
                ["Count"] = expired ? 1 : (existing!.GetInt32("Count") ?? 0) + 1,
                ["WindowStart"] = expired ? now : existing!.GetDateTimeOffset("WindowStart") ?? now,
            };
        }, cancellationToken);
    }

    public async Task ResetAsync(AttemptLimit limit, string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(limit.Table, cancellationToken);
        await table.DeleteEntityAsync(pseudonyms.Of(personKey), Row, ETag.All, cancellationToken);
    }

    /// <summary>Deletes every row whose window has ended; returns how many.</summary>
    public async Task<int> PurgeExpiredAsync(AttemptLimit limit, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(limit.Table, cancellationToken);
        var endedBefore = time.GetUtcNow() - limit.Window;
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"WindowStart le {endedBefore}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await DeleteAsync(table, row, cancellationToken);
            deleted++;
        }

        return deleted;
    }

    private bool IsExpired(AttemptLimit limit, TableEntity row) =>
        time.GetUtcNow() - (row.GetDateTimeOffset("WindowStart") ?? default) >= limit.Window;

    // ETag-conditional: an attempt counted meanwhile started a new window, which stays.
    private static async Task DeleteAsync(TableClient table, TableEntity row, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
        }
    }
}
