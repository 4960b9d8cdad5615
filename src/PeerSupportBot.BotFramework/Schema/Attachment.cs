using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerSupportBot.BotFramework.Schema;

/// <summary>A card or file attached to an activity.</summary>
public sealed class Attachment
{
    /// <summary>The content's media type, such as <see cref="AdaptiveCardContentType"/>.</summary>
    [JsonPropertyName("contentType")] public string? ContentType { get; set; }
    /// <summary>A link to the content, for files.</summary>
    [JsonPropertyName("contentUrl")] public string? ContentUrl { get; set; }
    /// <summary>The content itself, for cards.</summary>
    [JsonPropertyName("content")] public JsonElement? Content { get; set; }
    /// <summary>A name for the attachment.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }
    /// <summary>Fields this model does not name.</summary>
    [JsonExtensionData] public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The media type of an Adaptive Card.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
}

/// <summary>
/// Metadata on an activity: a mention, client info, and so on. The type says which; the rest of
/// the fields stay in <see cref="Properties"/>.
/// </summary>
public sealed class Entity
{
    /// <summary>mention, clientInfo, …</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }
    /// <summary>Every other field of the entity.</summary>
    [JsonExtensionData] public IDictionary<string, JsonElement>? Properties { get; set; }
}
