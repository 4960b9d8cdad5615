using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Matching;

/// <summary>
/// What ranking remembers about an asker, all in the asker's own partition, so a match reads it
/// with one query. PairHistory: PartitionKey = person key; RowKey "helped|{other}" (accepted help
/// between the two, a count, kept in both people's partitions) and "suggested" (the asker's last
/// suggestions, one row). Forgetting a person deletes their partition, their mirror "helped" rows,
/// and their key from others' "suggested" rows.
/// </summary>
internal sealed class PairHistory(Tables tables)
{
    private const string TableName = "PairHistory";
    private const string HelpedPrefix = "helped|";
    internal const string SuggestedRow = "suggested";

    public async Task RecordHelpAsync(string askerKey, string helperKey, CancellationToken cancellationToken)
    {
        await IncrementAsync(askerKey, helperKey, cancellationToken);
        await IncrementAsync(helperKey, askerKey, cancellationToken);
    }

    /// <summary>The asker's whole history: one partition query, whatever the size of their cohorts.</summary>
    public async Task<PairRecord> ReadAsync(string askerKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var helped = new Dictionary<string, int>(StringComparer.Ordinal);
        IReadOnlySet<string> suggested = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(askerKey)}"), cancellationToken: cancellationToken))
        {
            if (entity.RowKey == SuggestedRow)
            {
                suggested = TableValues.Split(entity.GetString("Others")).ToHashSet(StringComparer.Ordinal);
            }
            else if (entity.RowKey.StartsWith(HelpedPrefix, StringComparison.Ordinal))
            {
                helped[entity.GetString("Other") ?? TableKeys.Decode(entity.RowKey[HelpedPrefix.Length..])] = entity.GetInt32("Count") ?? 0;
            }
        }

        return new PairRecord(helped, suggested);
    }

    /// <summary>Replaces the asker's last suggestions with <paramref name="candidateKeys"/>: one write, in the asker's partition.</summary>
    public async Task SetLastSuggestedAsync(string askerKey, IReadOnlyList<string> candidateKeys, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Encode(askerKey), SuggestedRow) { ["Others"] = TableValues.Join(candidateKeys) }, TableUpdateMode.Replace, cancellationToken);
    }

    /// <summary>Deletes the person's rows, the mirror rows in others' partitions, and their key from others' last suggestions.</summary>
    public async Task ForgetAsync(string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var partition = TableKeys.Encode(personKey);
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken))
        {
            if (entity.RowKey.StartsWith(HelpedPrefix, StringComparison.Ordinal))
            {
                var other = entity.GetString("Other") ?? TableKeys.Decode(entity.RowKey[HelpedPrefix.Length..]);
                await table.DeleteEntityAsync(TableKeys.Encode(other), HelpedPrefix + partition, ETag.All, cancellationToken);
            }

            await table.DeleteEntityAsync(partition, entity.RowKey, ETag.All, cancellationToken);
        }

        // Rare, so a scan of the "suggested" rows rather than an index that every ask would write.
        await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {SuggestedRow}"), cancellationToken: cancellationToken))
        {
            if (TableValues.Split(entity.GetString("Others")).Contains(personKey))
            {
                await table.ChangeExistingAsync(entity.PartitionKey, SuggestedRow, row =>
                {
                    row["Others"] = TableValues.Join(TableValues.Split(row.GetString("Others")).Where(other => other != personKey));
                    return row;
                }, cancellationToken);
            }
        }
    }

    private async Task IncrementAsync(string personKey, string otherKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.IncrementAsync(TableKeys.Encode(personKey), HelpedPrefix + TableKeys.Encode(otherKey), entity => entity["Other"] = otherKey, cancellationToken);
    }
}

/// <summary>An asker's history: accepted help with each colleague, and whom they were shown last.</summary>
internal sealed record PairRecord(IReadOnlyDictionary<string, int> HelpCounts, IReadOnlySet<string> LastSuggested)
{
    public int HelpCountWith(string otherKey) => HelpCounts.GetValueOrDefault(otherKey);
}
