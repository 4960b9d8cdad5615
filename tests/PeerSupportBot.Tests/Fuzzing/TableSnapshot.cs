using Azure.Data.Tables;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Fuzzing;

/// <summary>Every row of every table of one app, by table, keys and ETag: equal snapshots mean nothing was written.</summary>
internal static class TableSnapshot
{
    public static async Task<IReadOnlySet<string>> TakeAsync(BotApplication app, params string[] exceptTables)
    {
        var rows = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in await StorageScan.TablesAsync(app))
        {
            if (exceptTables.Any(name => string.Equals(app.TablePrefix + name, table, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            await foreach (var row in new TableServiceClient(Azurite.ConnectionString).GetTableClient(table).QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
            {
                rows.Add($"{table[app.TablePrefix.Length..]}/{row.PartitionKey}/{row.RowKey}@{row.ETag}");
            }
        }

        return rows;
    }
}
