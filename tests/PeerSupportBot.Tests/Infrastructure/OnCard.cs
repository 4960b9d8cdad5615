using System.Text.Json;
using System.Text.Json.Nodes;

namespace PeerSupportBot.Tests.Infrastructure;

/// <summary>Finding what a person could press on a card.</summary>
public static class OnCard
{
    /// <summary>The data of the first Action.Execute with this verb, anywhere on the card.</summary>
    public static JsonObject? ActionData(JsonElement card, string verb) =>
        AllActions(card).Where(action => action.TryGetProperty("verb", out var v) && v.GetString() == verb)
            .Select(action => action.TryGetProperty("data", out var data) ? JsonNode.Parse(data.GetRawText())!.AsObject() : new JsonObject())
            .FirstOrDefault();

    /// <summary>Every Action.Execute with this verb, anywhere on the card.</summary>
    public static IReadOnlyList<JsonObject> AllActionData(JsonElement card, string verb) =>
        [.. AllActions(card).Where(action => action.TryGetProperty("verb", out var v) && v.GetString() == verb)
            .Select(action => action.TryGetProperty("data", out var data) ? JsonNode.Parse(data.GetRawText())!.AsObject() : new JsonObject())];

    public static IEnumerable<JsonElement> AllActions(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.GetString() == "Action.Execute")
                {
                    yield return element;
                }

                foreach (var property in element.EnumerateObject())
                {
                    foreach (var action in AllActions(property.Value))
                    {
                        yield return action;
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var action in AllActions(item))
                    {
                        yield return action;
                    }
                }

                break;
        }
    }

    public static bool Shows(JsonElement card, string text) =>
        CardText.Of(card).Any(candidate => candidate.Contains(text, StringComparison.Ordinal));

    /// <summary>Every Action.OpenUrl target on the card.</summary>
    public static IReadOnlyList<string> Links(JsonElement element)
    {
        var links = new List<string>();
        Collect(element);
        return links;

        void Collect(JsonElement node)
        {
            if (node.ValueKind == JsonValueKind.Object)
            {
                if (node.TryGetProperty("type", out var type) && type.GetString() == "Action.OpenUrl" && node.TryGetProperty("url", out var url))
                {
                    links.Add(url.GetString()!);
                }

                foreach (var property in node.EnumerateObject())
                {
                    Collect(property.Value);
                }
            }
            else if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray())
                {
                    Collect(item);
                }
            }
        }
    }

    /// <summary>The current value of every input on the card, by its id.</summary>
    public static Dictionary<string, string> InputValues(JsonElement element)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        Collect(element);
        return values;

        void Collect(JsonElement node)
        {
            if (node.ValueKind == JsonValueKind.Object)
            {
                if (node.TryGetProperty("type", out var type) && type.GetString()?.StartsWith("Input.", StringComparison.Ordinal) == true
                    && node.TryGetProperty("id", out var id))
                {
                    values[id.GetString()!] = node.TryGetProperty("value", out var value) ? value.ToString() : "";
                }

                foreach (var property in node.EnumerateObject())
                {
                    Collect(property.Value);
                }
            }
            else if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray())
                {
                    Collect(item);
                }
            }
        }
    }
}
