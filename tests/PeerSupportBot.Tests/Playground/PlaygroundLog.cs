using System.Text.Json;

namespace PeerSupportBot.Tests.Playground;

/// <summary>
/// Shortens the playground's log for failure messages. Its useful lines carry a JSON record per
/// exchange with the bot ({"logAction":"appendLog","log":{activityName, from, to, response:{statusCode}}});
/// the playground answers the test's own calls with 200 whatever the bot answered, so this is
/// where a 404 or 500 from the bot shows.
/// </summary>
internal static class PlaygroundLog
{
    /// <summary>How many activities named <paramref name="activityName"/> the bot has answered (the playground logs each exchange once the bot's response is in).</summary>
    public static int Answered(IEnumerable<string> lines, string activityName) =>
        lines.Count(line => Entry(line) is { } entry
            && entry.TryGetProperty("activityName", out var name) && name.GetString() == activityName
            && entry.TryGetProperty("response", out _));

    private static JsonElement? Entry(string line)
    {
        var json = line.IndexOf("{\"logAction\"", StringComparison.Ordinal);
        if (json < 0) return null;
        try
        {
            using var document = JsonDocument.Parse(line[json..]);
            return document.RootElement.TryGetProperty("log", out var entry) ? entry.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string Summarize(IEnumerable<string> lines) =>
        string.Join('\n', lines.Select(SummarizeLine).OfType<string>().TakeLast(20));

    private static string? SummarizeLine(string line)
    {
        var json = line.IndexOf("{\"logAction\"", StringComparison.Ordinal);
        if (json < 0) return line.Length > 200 ? line[..200] + "…" : line;
        try
        {
            using var document = JsonDocument.Parse(line[json..]);
            var entry = document.RootElement.GetProperty("log");
            if (!entry.TryGetProperty("activityName", out var activity))
                return entry.TryGetProperty("displayText", out var text) ? $"  {text.GetString()}" : null;
            var status = entry.TryGetProperty("response", out var response)
                && response.TryGetProperty("statusCode", out var code) ? code.ToString() : "?";
            return $"  {activity.GetString()}: {Text(entry, "from")} -> {Text(entry, "to")}, status {status}";
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Text(JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) ? value.ToString() : "?";
}
