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
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(personKey), Row, cancellationToken: cancellationToken);
        return entity.HasValue
            && entity.Value!.GetInt32("Failures") >= MaxFailures
            && time.GetUtcNow() - (entity.Value.GetDateTimeOffset("WindowStart") ?? default) < Window;
    }

    public async Task RecordFailureAsync(string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var now = time.GetUtcNow();
        await table.ChangeAsync(TableKeys.Encode(personKey), Row, existing =>
        {
            var windowStart = existing?.GetDateTimeOffset("WindowStart") ?? default;
            var expired = now - windowStart >= Window;
            return new TableEntity
            {
                ["Failures"] = expired ? 1 : (existing?.GetInt32("Failures") ?? 0) + 1,
                ["WindowStart"] = expired ? now : windowStart,
            };
        }, cancellationToken);
    }

    public async Task ResetAsync(string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.DeleteEntityAsync(TableKeys.Encode(personKey), Row, ETag.All, cancellationToken);
    }
}
