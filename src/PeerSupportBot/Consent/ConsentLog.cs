using System.Globalization;
using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Consent;

/// <summary>
/// The append-only record of consent given, changed and withdrawn: ConsentLog, PartitionKey =
/// person key, RowKey = newest first. Forgetting a person moves their entries to an anonymous
/// partition, so the record of what was consented to stays without saying who.
/// </summary>
internal sealed class ConsentLog(Tables tables, TimeProvider time)
{
    private const string TableName = "ConsentLog";
    private const string AnonymousPartition = "anonymous";

    /// <summary>Appends an entry; returns its row key, so a join that could not finish can take it back.</summary>
    public async Task<string> AppendAsync(string personKey, string cohortId, ConsentAction action, IReadOnlyList<string> topics, IReadOnlyList<string> languages, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var at = time.GetUtcNow();
        var rowKey = NewestFirst(at);
        await table.AddEntityAsync(new TableEntity(TableKeys.Encode(personKey), rowKey)
        {
            ["At"] = at,
            ["CohortId"] = cohortId,
            ["Action"] = action.ToString(),
            ["Topics"] = TableValues.Join(topics),
            ["Languages"] = TableValues.Join(languages),
            ["ConsentTextVersion"] = ConsentTextVersion.Current,
        }, cancellationToken);
        return rowKey;
    }

    /// <summary>Removes an entry of a change that did not happen after all (a join whose later writes failed).</summary>
    public async Task TakeBackAsync(string personKey, string rowKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.DeleteEntityAsync(TableKeys.Encode(personKey), rowKey, Azure.ETag.All, cancellationToken);
    }

    public async Task<IReadOnlyList<ConsentRecord>> OfAsync(string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var result = new List<ConsentRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(personKey)}"), cancellationToken: cancellationToken))
        {
            result.Add(new ConsentRecord(
                entity.GetDateTimeOffset("At") ?? default,
                entity.GetString("CohortId") ?? "",
                Enum.TryParse<ConsentAction>(entity.GetString("Action"), out var action) ? action : ConsentAction.Changed,
                TableValues.Split(entity.GetString("Topics")),
                TableValues.Split(entity.GetString("Languages")),
                entity.GetString("ConsentTextVersion") ?? ""));
        }

        return result;
    }

    /// <summary>Moves the person's entries under an anonymous key; each copy is written before its original goes.</summary>
    public async Task AnonymizeAsync(string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(personKey)}");
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var copy = new TableEntity(AnonymousPartition, entity.RowKey);
            foreach (var (key, value) in entity)
            {
                if (key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag"))
                {
                    copy[key] = value;
                }
            }

            await table.UpsertEntityAsync(copy, TableUpdateMode.Replace, cancellationToken);
            await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken);
        }
    }

    // Inverted ticks sort the newest entry first; the random tail keeps two entries in one tick apart.
    private static string NewestFirst(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
}
