namespace PeerSupportBot.Storage;

/// <summary>Lists are stored as comma-separated strings: ids never contain commas.</summary>
internal static class TableValues
{
    public static string Join(IEnumerable<string> values) => string.Join(',', values);

    public static IReadOnlyList<string> Split(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
