using Azure.Data.Tables;

namespace PeerSupportBot.Tests.Infrastructure;

/// <summary>Reads every row of every table of one test app, to prove what is and is not stored.</summary>
public static class StorageScan
{
    public static async Task<IReadOnlyList<string>> RowsMentioningAsync(BotApplication app, params string[] needles)
    {
        var service = new TableServiceClient(Azurite.ConnectionString);
        var hits = new List<string>();
        await foreach (var table in service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {app.TablePrefix} and TableName lt {app.TablePrefix + "~"}")))
        {
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                foreach (var (key, value) in row)
                {
                    var text = value?.ToString() ?? "";
                    foreach (var needle in needles)
                    {
                        if (text.Contains(needle, StringComparison.OrdinalIgnoreCase)
                            || Uri.UnescapeDataString(text).Contains(needle, StringComparison.OrdinalIgnoreCase))
                        {
                            hits.Add($"{table.Name}/{row.PartitionKey}/{row.RowKey}.{key} mentions {needle}");
                        }
                    }
                }
            }
        }

        return hits;
    }

    public static async Task<IReadOnlyList<string>> TablesAsync(BotApplication app)
    {
        var service = new TableServiceClient(Azurite.ConnectionString);
        var names = new List<string>();
        await foreach (var table in service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {app.TablePrefix} and TableName lt {app.TablePrefix + "~"}")))
        {
            names.Add(table.Name);
        }

        return names;
    }

    /// <summary>Every row of one of the app's tables, by its unprefixed name.</summary>
    public static async Task<IReadOnlyList<TableEntity>> RowsAsync(BotApplication app, string table)
    {
        var client = new TableServiceClient(Azurite.ConnectionString).GetTableClient(app.TablePrefix + table);
        var rows = new List<TableEntity>();
        try
        {
            await foreach (var row in client.QueryAsync<TableEntity>())
            {
                rows.Add(row);
            }
        }
        catch (Azure.RequestFailedException exception) when (exception.Status == 404)
        {
            // The app never needed the table: it holds nothing.
        }

        return rows;
    }
}
