using System.Text.Json.Nodes;

namespace PeerSupportBot.TurnBench;

/// <summary>Reading what a target answered: the card of an invoke response, a button's data, a value anywhere in it.</summary>
internal static class Cards
{
    public const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The card an invoke answered with; null for a message (a refusal) or anything else.</summary>
    public static JsonNode? FromInvokeResponse(string body)
    {
        var node = Parse(body);
        return node?["type"]?.GetValue<string>() == AdaptiveCardType ? node["value"] : null;
    }

    /// <summary>The first card attached to a posted activity.</summary>
    public static JsonNode? FromActivity(string body) => Parse(body)?["attachments"]?[0]?["content"];

    /// <summary>The data of the first Action.Execute with this verb, anywhere in the card.</summary>
    public static JsonObject? ActionData(JsonNode? card, string verb)
    {
        switch (card)
        {
            case JsonObject element:
                if (element["verb"] is JsonValue value && value.GetValue<string>() == verb)
                {
                    return element["data"] as JsonObject ?? [];
                }

                foreach (var (_, child) in element)
                {
                    if (ActionData(child, verb) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (ActionData(child, verb) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    public static JsonObject Copy(JsonObject data) => JsonNode.Parse(data.ToJsonString())!.AsObject();

    private static JsonNode? Parse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
