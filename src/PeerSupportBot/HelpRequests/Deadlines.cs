using System.Globalization;
using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Storage;

namespace PeerSupportBot.HelpRequests;

/// <summary>
/// What must happen later, kept in storage so a restart loses nothing: a request expiring, a
/// "Did it help?" a day after an introduction, a closed request's rows being deleted.
/// RequestDeadlines: PartitionKey = "deadline", RowKey = due time (sortable) | kind | request id,
/// so "everything due now" is one range query.
/// </summary>
internal sealed class Deadlines(Tables tables)
{
    private const string TableName = "RequestDeadlines";
    private const string Partition = "deadline";

    public async Task AddAsync(DeadlineKind kind, string requestId, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(Partition, RowKey(due, kind, requestId)), TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Several deadlines of one request: one entity group transaction (they share the partition).</summary>
    public async Task AddAsync(string requestId, IReadOnlyList<(DeadlineKind Kind, DateTimeOffset Due)> due, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.SubmitTransactionAsync(
            [.. due.Select(deadline => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, RowKey(deadline.Due, deadline.Kind, requestId))))],
            cancellationToken);
    }

    public async Task<IReadOnlyList<Deadline>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var upTo = Ticks(now) + "~";
        var due = new List<Deadline>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {upTo}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            var parts = entity.RowKey.Split('|');
            if (parts.Length == 3 && Enum.TryParse<DeadlineKind>(parts[1], out var kind))
            {
                due.Add(new Deadline(kind, parts[2], entity.RowKey));
            }
        }

        return due;
    }

    public async Task RemoveAsync(Deadline deadline, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.DeleteEntityAsync(Partition, deadline.Key, ETag.All, cancellationToken);
    }

    private static string RowKey(DateTimeOffset due, DeadlineKind kind, string requestId) => $"{Ticks(due)}|{kind}|{requestId}";

    private static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}

internal enum DeadlineKind
{
    Expire,
    FollowUp,
    Purge,
}

internal sealed record Deadline(DeadlineKind Kind, string RequestId, string Key);
