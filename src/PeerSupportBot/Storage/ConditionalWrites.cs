using Azure.Data.Tables;

namespace PeerSupportBot.Storage;

/// <summary>Read-change-write of one table row, for counters and the rows that behave like them.</summary>
internal static class ConditionalWrites
{
    // Counters are the rows many writers race for (several bot instances counting one pair), so
    // they get more attempts than a person's own rows.
    private const int Attempts = 10;

    /// <summary>
    /// Reads one row, makes its new version from what was read, and writes it only if nobody
    /// wrote in between (insert-if-absent or ETag match); on a lost race it reads again
    /// (<see cref="ReadChangeWrite"/>), so two bot instances counting at once both count. False
    /// when it kept losing.
    /// </summary>
    public static Task<bool> ChangeAsync(
        this TableClient table,
        string partitionKey,
        string rowKey,
        Func<TableEntity?, TableEntity> change,
        CancellationToken cancellationToken) =>
        ReadChangeWrite.RunAsync(async token =>
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: token);
            var updated = change(existing.HasValue ? existing.Value : null);
            updated.PartitionKey = partitionKey;
            updated.RowKey = rowKey;
            if (existing.HasValue)
            {
                await table.UpdateEntityAsync(updated, existing.Value!.ETag, TableUpdateMode.Replace, token);
            }
            else
            {
                await table.AddEntityAsync(updated, token);
            }

            return WriteAttempt<bool>.Settled(true);
        }, keptLosing: () => false, cancellationToken, Attempts);

    /// <summary>
    /// As <see cref="ChangeAsync"/>, for a row that must not be created: false (and nothing
    /// written) when it does not exist or kept changing.
    /// </summary>
    public static Task<bool> ChangeExistingAsync(
        this TableClient table,
        string partitionKey,
        string rowKey,
        Func<TableEntity, TableEntity> change,
        CancellationToken cancellationToken) =>
        ReadChangeWrite.RunAsync(async token =>
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: token);
            if (!existing.HasValue)
            {
                return WriteAttempt<bool>.Settled(false);
            }

            await table.UpdateEntityAsync(change(existing.Value!), existing.Value!.ETag, TableUpdateMode.Replace, token);
            return WriteAttempt<bool>.Settled(true);
        }, keptLosing: () => false, cancellationToken, Attempts);

    /// <summary>Adds one to the row's Count, creating the row at 1.</summary>
    public static Task<bool> IncrementAsync(this TableClient table, string partitionKey, string rowKey, Action<TableEntity>? alsoSet, CancellationToken cancellationToken) =>
        table.ChangeAsync(partitionKey, rowKey, existing =>
        {
            var entity = new TableEntity { ["Count"] = (existing?.GetInt32("Count") ?? 0) + 1 };
            alsoSet?.Invoke(entity);
            return entity;
        }, cancellationToken);
}
