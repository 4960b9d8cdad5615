using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Matching;

/// <summary>
/// What ranking remembers between two people, always as a pair of mirrored rows so that forgetting
/// one person finds and removes every row that names them. PairHistory: PartitionKey = person key,
/// RowKey = "helped|{other}" (accepted help between the two, a count) or "suggested|{other}" (the
/// other was among this asker's last suggestions) and its mirror "suggestedTo|{asker}".
/// </summary>
internal sealed class PairHistory(Tables tables)
{
    private const string TableName = "PairHistory";

    /// <summary>Counts one accepted request between the two; the same request again (a finished retry) counts nothing.</summary>
    public async Task RecordHelpAsync(string askerKey, string helperKey, string requestId, CancellationToken cancellationToken)
    {
        await IncrementAsync(askerKey, "helped|" + TableKeys.Encode(helperKey), requestId, cancellationToken);
        await IncrementAsync(helperKey, "helped|" + TableKeys.Encode(askerKey), requestId, cancellationToken);
    }

    public async Task<int> HelpCountAsync(string askerKey, string otherKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(askerKey), "helped|" + TableKeys.Encode(otherKey), cancellationToken: cancellationToken);
        return entity.HasValue ? entity.Value!.GetInt32("Count") ?? 0 : 0;
    }

    public async Task<IReadOnlySet<string>> LastSuggestedAsync(string askerKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(RangeFilter(askerKey, "suggested|"), cancellationToken: cancellationToken))
        {
            keys.Add(entity.GetString("Other") ?? "");
        }

        return keys;
    }

    /// <summary>Replaces the asker's last suggestions with <paramref name="candidateKeys"/>.</summary>
    public async Task SetLastSuggestedAsync(string askerKey, IReadOnlyList<string> candidateKeys, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        foreach (var previous in await LastSuggestedAsync(askerKey, cancellationToken))
        {
            await table.DeleteEntityAsync(TableKeys.Encode(askerKey), "suggested|" + TableKeys.Encode(previous), ETag.All, cancellationToken);
            await table.DeleteEntityAsync(TableKeys.Encode(previous), "suggestedTo|" + TableKeys.Encode(askerKey), ETag.All, cancellationToken);
        }

        foreach (var candidate in candidateKeys)
        {
            await table.UpsertEntityAsync(new TableEntity(TableKeys.Encode(askerKey), "suggested|" + TableKeys.Encode(candidate)) { ["Other"] = candidate }, TableUpdateMode.Replace, cancellationToken);
            await table.UpsertEntityAsync(new TableEntity(TableKeys.Encode(candidate), "suggestedTo|" + TableKeys.Encode(askerKey)) { ["Other"] = askerKey }, TableUpdateMode.Replace, cancellationToken);
        }
    }

    /// <summary>Deletes the person's rows and every mirror row in others' partitions that names them.</summary>
    public async Task ForgetAsync(string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var partition = TableKeys.Encode(personKey);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            var other = entity.GetString("Other") ?? TableKeys.Decode(entity.RowKey.Split('|', 2)[1]);
            var mirror = entity.RowKey.Split('|', 2)[0] switch
            {
                "helped" => "helped|",
                "suggested" => "suggestedTo|",
                _ => "suggested|",
            };
            await table.DeleteEntityAsync(TableKeys.Encode(other), mirror + partition, ETag.All, cancellationToken);
            await table.DeleteEntityAsync(partition, entity.RowKey, ETag.All, cancellationToken);
        }
    }

    private async Task IncrementAsync(string personKey, string rowKey, string requestId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var other = TableKeys.Decode(rowKey.Split('|', 2)[1]);
        if (!await table.ChangeAsync(TableKeys.Encode(personKey), rowKey, existing => existing?.GetString("LastRequest") == requestId
                ? existing
                : new TableEntity { ["Count"] = (existing?.GetInt32("Count") ?? 0) + 1, ["Other"] = other, ["LastRequest"] = requestId }, cancellationToken))
        {
            // Lost every race for the row: the turn fails and the retry counts it, rather than losing it silently.
            throw new InvalidOperationException("The pair history kept changing while it was counted.");
        }
    }

    private static string RangeFilter(string personKey, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(personKey)} and RowKey ge {prefix} and RowKey lt {prefix + "~"}");
}
