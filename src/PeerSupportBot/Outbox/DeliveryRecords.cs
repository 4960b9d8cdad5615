using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Outbox;

/// <summary>
/// OutboxDeliveries: PartitionKey = the request id (or "notices"), RowKey = the message id. What
/// became of one queued post, written ETag-conditionally before the queue message is deleted, so
/// a second delivery of the same message, or the same effect enqueued twice, posts nothing more.
/// Rows hold a status, a claim time, a random claim token and the posted activity id: nothing about the person.
/// </summary>
internal sealed class DeliveryRecords(Tables tables, TimeProvider time)
{
    private const string TableName = "OutboxDeliveries";
    private const string NoRequest = "notices";

    /// <summary>Claims the message for this delivery; null when it was posted already or another instance is posting it now.</summary>
    public async Task<DeliveryClaim?> TryClaimAsync(OutboxMessage message, TimeSpan lease, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var partition = PartitionOf(message);
        var now = time.GetUtcNow();
        // Names this attempt's claim: a write the SDK retried after a timeout may have landed the
        // first time, and then the conflict it meets is this attempt's own claim, not another's.
        var token = Guid.NewGuid().ToString("N");
        var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, message.Id, cancellationToken: cancellationToken);
        if (existing.HasValue)
        {
            var row = existing.Value!;
            var status = row.GetString("Status");
            if (status != DeliveryStatus.Sending || row.GetDateTimeOffset("ClaimedAt") + lease > now)
            {
                return status == DeliveryStatus.Sending ? null : new DeliveryClaim(partition, message.Id, row.ETag, status, row.GetString("ActivityId"));
            }

            // A claim older than the lease: its instance stopped mid-way. Take it over.
            row["ClaimedAt"] = now;
            row["Claim"] = token;
            try
            {
                var response = await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return new DeliveryClaim(partition, message.Id, response.Headers.ETag ?? ETag.All, DeliveryStatus.Sending, null);
            }
            catch (RequestFailedException exception) when (exception.Status is 412 or 404)
            {
                return await OwnClaimAsync(table, partition, message.Id, token, cancellationToken);
            }
        }

        try
        {
            var response = await table.AddEntityAsync(new TableEntity(partition, message.Id) { ["Status"] = DeliveryStatus.Sending, ["ClaimedAt"] = now, ["Claim"] = token }, cancellationToken);
            return new DeliveryClaim(partition, message.Id, response.Headers.ETag ?? ETag.All, DeliveryStatus.Sending, null);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return await OwnClaimAsync(table, partition, message.Id, token, cancellationToken);
        }
    }

    /// <summary>The claim when the row holds this attempt's token (its write landed before a retry); null when it is another's.</summary>
    private static async Task<DeliveryClaim?> OwnClaimAsync(TableClient table, string partition, string messageId, string token, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, messageId, cancellationToken: cancellationToken);
        return row.HasValue && row.Value!.GetString("Claim") == token && row.Value.GetString("Status") == DeliveryStatus.Sending
            ? new DeliveryClaim(partition, messageId, row.Value.ETag, DeliveryStatus.Sending, null)
            : null;
    }

    /// <summary>Records the outcome; false when the claim was lost meanwhile (another instance took it over).</summary>
    public async Task<bool> CompleteAsync(DeliveryClaim claim, string status, string? activityId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.UpdateEntityAsync(new TableEntity(claim.Partition, claim.MessageId) { ["Status"] = status, ["ActivityId"] = activityId, ["CompletedAt"] = time.GetUtcNow() }, claim.ETag, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>Gives the claim back after a failed attempt, so the next attempt may post.</summary>
    public async Task ReleaseAsync(DeliveryClaim claim, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.DeleteEntityAsync(claim.Partition, claim.MessageId, claim.ETag, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
        }
    }

    /// <summary>Deletes what was recorded for a request's posts, with the request itself.</summary>
    public async Task DeleteForRequestAsync(string requestId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {requestId}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
        }
    }

    private static string PartitionOf(OutboxMessage message) => message.RequestId is { Length: > 0 } id ? TableKeys.Encode(id) : NoRequest;
}

internal sealed record DeliveryClaim(string Partition, string MessageId, ETag ETag, string Status, string? ActivityId)
{
    public bool AlreadyDone => Status != DeliveryStatus.Sending;
}

internal static class DeliveryStatus
{
    public const string Sending = "Sending";
    public const string Sent = "Sent";
    public const string Undeliverable = "Undeliverable";
    public const string NothingToSend = "NothingToSend";
}
