using Azure;
using Azure.Data.Tables;

namespace PeerSupportBot.Storage;

internal static class ConditionalWrites
{
    private const int Attempts = 5;

    /// <summary>
    /// Reads one row, makes its new version from what was read, and writes it only if nobody
    /// wrote in between (insert-if-absent or ETag match); on a lost race it reads again, so two
    /// bot instances counting at once both count. False when it kept losing.
    /// </summary>
    public static async Task<bool> ChangeAsync(
        this TableClient table,
        string partitionKey,
        string rowKey,
        Func<TableEntity?, TableEntity> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
            var updated = change(existing.HasValue ? existing.Value : null);
            updated.PartitionKey = partitionKey;
            updated.RowKey = rowKey;
            try
            {
                if (existing.HasValue)
                {
                    await table.UpdateEntityAsync(updated, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(updated, cancellationToken);
                }

                return true;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // Someone wrote first: read their version and apply the change on top of it.
            }
        }

        return false;
    }

    /// <summary>
    /// As <see cref="ChangeAsync"/>, for a row that must not be created: false (and nothing
    /// written) when it does not exist or kept changing.
    /// </summary>
    public static async Task<bool> ChangeExistingAsync(
        this TableClient table,
        string partitionKey,
        string rowKey,
        Func<TableEntity, TableEntity> change,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                return false;
            }

            var updated = change(existing.Value!);
            try
            {
                await table.UpdateEntityAsync(updated, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status is 404 or 412)
            {
                // Changed or deleted meanwhile: read again.
            }
        }

        return false;
    }

    /// <summary>Adds one to the row's Count, creating the row at 1.</summary>
    public static Task<bool> IncrementAsync(this TableClient table, string partitionKey, string rowKey, Action<TableEntity>? alsoSet, CancellationToken cancellationToken) =>
        table.ChangeAsync(partitionKey, rowKey, existing =>
        {
            var entity = new TableEntity { ["Count"] = (existing?.GetInt32("Count") ?? 0) + 1 };
            alsoSet?.Invoke(entity);
            return entity;
        }, cancellationToken);
}
