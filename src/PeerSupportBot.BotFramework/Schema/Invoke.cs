using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerSupportBot.BotFramework.Schema;

/// <summary>The HTTP answer to an invoke activity: a status and a body.</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body = null)
{
    /// <summary>An empty 200, for invokes the bot acknowledges without content.</summary>
    public static InvokeResponse Ok() => new(200);

    /// <summary>501, the Bot Framework SDK's answer to an invoke name nobody handles.</summary>
    public static InvokeResponse NotImplemented() => new(501);
}

/// <summary>The values of an adaptiveCard/action invoke's <c>trigger</c>.</summary>
public static class AdaptiveCardTriggers
{
    /// <summary>A person pressed a button.</summary>
    public const string Manual = "manual";

    /// <summary>The client refreshed a card on its own (the card's <c>refresh</c> action).</summary>
    public const string Automatic = "automatic";
}

/// <summary>The value of an adaptiveCard/action invoke.</summary>
public sealed class AdaptiveCardInvokeValue
{
    /// <summary>The action that was pressed.</summary>
    [JsonPropertyName("action")] public AdaptiveCardInvokeAction? Action { get; set; }
    /// <summary>manual when a person pressed it, automatic for a refresh.</summary>
    [JsonPropertyName("trigger")] public string? Trigger { get; set; }
    /// <summary>Fields this model does not name.</summary>
    [JsonExtensionData] public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The invoke's value, or null when it is missing or not this shape.</summary>
    public static AdaptiveCardInvokeValue? Read(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        try
        {
            return value.Deserialize(BotFrameworkJsonContext.Default.AdaptiveCardInvokeValue);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>An Action.Execute as it arrives: the verb and the card's data merged with its inputs.</summary>
public sealed class AdaptiveCardInvokeAction
{
    /// <summary>Action.Execute.</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }
    /// <summary>The action's id.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }
    /// <summary>The verb the card gave the action.</summary>
    [JsonPropertyName("verb")] public string? Verb { get; set; }
    /// <summary>The action's data with the card's input values.</summary>
    [JsonPropertyName("data")] public JsonElement? Data { get; set; }
    /// <summary>Fields this model does not name.</summary>
    [JsonExtensionData] public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>The body of an adaptiveCard/action answer.</summary>
public sealed class AdaptiveCardInvokeResponse
{
    /// <summary>The status, repeated in the body as the protocol asks.</summary>
    [JsonPropertyName("statusCode")] public int StatusCode { get; set; }
    /// <summary>
    /// application/vnd.microsoft.card.adaptive, application/vnd.microsoft.activity.message or
    /// application/vnd.microsoft.error.
    /// </summary>
    [JsonPropertyName("type")] public string? Type { get; set; }
    /// <summary>A card, a message string or an error.</summary>
    [JsonPropertyName("value")] public JsonElement? Value { get; set; }

    /// <summary>The media type of a message answer.</summary>
    public const string MessageType = "application/vnd.microsoft.activity.message";
    /// <summary>The media type of an error answer.</summary>
    public const string ErrorType = "application/vnd.microsoft.error";
}
