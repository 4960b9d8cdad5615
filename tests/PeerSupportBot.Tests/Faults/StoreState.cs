using Azure.Data.Tables;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Faults;

/// <summary>
/// Every row of one app's tables, each as its keys and its values (without Timestamp and ETag),
/// to tell "nothing changed", "everything changed" and "half of it" apart without knowing the
/// table layout.
/// </summary>
public sealed record StoreState(IReadOnlyDictionary<string, string> Rows)
{
    public static async Task<StoreState> ReadAsync(BotApplication app)
    {
        var service = new TableServiceClient(Azurite.ConnectionString);
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var table in service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {app.TablePrefix} and TableName lt {app.TablePrefix + "~"}")))
        {
            await foreach (var row in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                var values = row
                    .Where(pair => pair.Key is not ("Timestamp" or "odata.etag" or "PartitionKey" or "RowKey"))
                    .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                    .Select(pair => $"{pair.Key}={Format(pair.Value)}");
                rows[$"{table.Name[app.TablePrefix.Length..]}/{row.PartitionKey}/{row.RowKey}"] = string.Join(';', values);
            }
        }

        return new StoreState(rows);
    }

    /// <summary>Whether both hold the same rows with the same values.</summary>
    public bool SameAs(StoreState other) =>
        Rows.Count == other.Rows.Count && Rows.All(pair => other.Rows.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <summary>
    /// What changed from <paramref name="before"/> to this, per table: rows added, changed and
    /// removed. The same operation for another person or request has the same shape.
    /// </summary>
    public string ShapeSince(StoreState before, string? ignoring = null)
    {
        var tables = Rows.Keys.Concat(before.Rows.Keys).Select(TableOf).Distinct().Where(table => table != ignoring).Order(StringComparer.Ordinal);
        return string.Join(", ", tables.Select(table =>
        {
            // Added or changed alike: a counter's first increment adds its row, later ones change it.
            var written = Rows.Count(pair => TableOf(pair.Key) == table && before.Rows.GetValueOrDefault(pair.Key) != pair.Value);
            var removed = before.Rows.Keys.Count(key => TableOf(key) == table && !Rows.ContainsKey(key));
            return (written, removed) == (0, 0) ? null : $"{table} written {written}, removed {removed}";
        }).OfType<string>());
    }

    /// <summary>
    /// Rows of this state that the completed change still holds, but with a value neither it nor
    /// <paramref name="before"/> has (a count taken twice, a status from neither side): what a
    /// failed change left that finishing it does not put right. Rows on their way out (the
    /// completed change removes them) may be anything meanwhile.
    /// </summary>
    public IReadOnlyList<string> LeftBehind(StoreState before, StoreState completed) =>
        [.. Rows
            .Where(pair => before.Rows.GetValueOrDefault(pair.Key) != pair.Value
                && completed.Rows.TryGetValue(pair.Key, out var done) && done != pair.Value)
            .Select(pair => $"{pair.Key}: {pair.Value}")];

    /// <summary>This state with only the rows of one table.</summary>
    public StoreState Only(string table) =>
        new(Rows.Where(pair => TableOf(pair.Key) == table).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal));

    /// <summary>The rows that differ from <paramref name="other"/>, for a failure message.</summary>
    public string DifferencesFrom(StoreState other) =>
        string.Join("\n", Rows.Keys.Concat(other.Rows.Keys).Distinct()
            .Where(key => Rows.GetValueOrDefault(key) != other.Rows.GetValueOrDefault(key))
            .Select(key => $"  {key}: {other.Rows.GetValueOrDefault(key) ?? "(none)"} -> {Rows.GetValueOrDefault(key) ?? "(none)"}"));

    private static string TableOf(string key) => key.Split('/', 2)[0];

    private static string Format(object? value) => value switch
    {
        DateTimeOffset time => time.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        DateTime time => time.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}
