using System.Globalization;
using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Matching;

/// <summary>
/// How often a person has been asked: requests this month (for their monthly cap) and when they
/// were last asked (for fairness). Used for ranking only; never shown to anyone.
/// HelperLoad: PartitionKey = person key, RowKey = "load".
/// </summary>
internal sealed class HelperLoadStore(Tables tables, TimeProvider time)
{
    private const string TableName = "HelperLoad";
    private const string Row = "load";

    public async Task<HelperLoad> FindAsync(string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(personKey), Row, cancellationToken: cancellationToken);
        if (!entity.HasValue)
        {
            return new HelperLoad(0, null);
        }

        var thisMonth = entity.Value!.GetString("Month") == Month(time.GetUtcNow());
        return new HelperLoad(thisMonth ? entity.Value.GetInt32("Count") ?? 0 : 0, entity.Value.GetDateTimeOffset("LastAskedAt"));
    }

    public async Task RecordAskedAsync(string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var now = time.GetUtcNow();
        await table.ChangeAsync(TableKeys.Encode(personKey), Row, existing => new TableEntity
        {
            ["Month"] = Month(now),
            ["Count"] = (existing?.GetString("Month") == Month(now) ? existing.GetInt32("Count") ?? 0 : 0) + 1,
            ["LastAskedAt"] = now,
        }, cancellationToken);
    }

    public async Task DeleteAsync(string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.DeleteEntityAsync(TableKeys.Encode(personKey), Row, ETag.All, cancellationToken);
    }

    private static string Month(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}

internal sealed record HelperLoad(int RequestsThisMonth, DateTimeOffset? LastAskedAt);
