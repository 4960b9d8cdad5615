using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Cohorts;

/// <summary>
/// Slows down guessing of join codes: after <see cref="MaxFailures"/> wrong codes within
/// <see cref="Window"/>, a person's further tries are refused until the window has passed.
/// JoinAttempts: PartitionKey = person key, RowKey = "join".
/// </summary>
internal sealed class JoinThrottle(Tables tables, TimeProvider time)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const string TableName = "JoinAttempts";
    private const string Row = "join";

    public async Task<bool> IsBlockedAsync(string personKey, CancellationToken cancellationToken)
    {
        var (failures, windowStart, _) = await ReadAsync(personKey, cancellationToken);
        return failures >= MaxFailures && time.GetUtcNow() - windowStart < Window;
    }

    public async Task RecordFailureAsync(string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var now = time.GetUtcNow();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (failures, windowStart, etag) = await ReadAsync(personKey, cancellationToken);
            var expired = now - windowStart >= Window;
            var entity = new TableEntity(TableKeys.Encode(personKey), Row)
            {
                ["Failures"] = expired ? 1 : failures + 1,
                ["WindowStart"] = expired ? now : windowStart,
            };
            try
            {
                if (etag is { } version)
                {
                    await table.UpdateEntityAsync(entity, version, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException exception) when (exception.Status is 409 or 412)
            {
                // Another wrong guess landed meanwhile: count on top of it.
            }
        }
    }

    public async Task ResetAsync(string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.DeleteEntityAsync(TableKeys.Encode(personKey), Row, ETag.All, cancellationToken);
    }

    private async Task<(int Failures, DateTimeOffset WindowStart, ETag? ETag)> ReadAsync(string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(personKey), Row, cancellationToken: cancellationToken);
        return entity.HasValue
            ? (entity.Value!.GetInt32("Failures") ?? 0, entity.Value.GetDateTimeOffset("WindowStart") ?? default, entity.Value.ETag)
            : (0, default, null);
    }
}
