using System.Text.Json;
using System.Text.Json.Serialization;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Cards;

/// <summary>
/// An Adaptive Card (schema 1.5). Build it with object initialisers, then send it with
/// <see cref="ToAttachment"/> or answer an Action.Execute with <see cref="ToJsonElement"/>.
/// </summary>
public sealed record AdaptiveCard
{
    /// <summary>The schema URL written as <c>$schema</c>.</summary>
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";

    /// <summary>The version this library writes; Teams needs 1.4 or later for Action.Execute.</summary>
    public const string CurrentVersion = "1.5";

    /// <summary>Always AdaptiveCard.</summary>
    [JsonPropertyName("type"), JsonPropertyOrder(-3)] public string Type { get; } = "AdaptiveCard";
    /// <summary>The schema URL, for editors and validators.</summary>
    [JsonPropertyName("$schema"), JsonPropertyOrder(-2)] public string Schema { get; } = SchemaUrl;
    /// <summary>The card version; needed on a top-level card, optional inside Action.ShowCard.</summary>
    [JsonPropertyName("version"), JsonPropertyOrder(-1)] public string? Version { get; init; } = CurrentVersion;
    /// <summary>The elements of the card.</summary>
    [JsonPropertyName("body")] public IReadOnlyList<CardElement>? Body { get; init; }
    /// <summary>The buttons at the card's foot.</summary>
    [JsonPropertyName("actions")] public IReadOnlyList<CardAction>? Actions { get; init; }
    /// <summary>Lets listed users fetch their own view of a shared card (Universal Action Model).</summary>
    [JsonPropertyName("refresh")] public CardRefresh? Refresh { get; init; }
    /// <summary>Teams' own card settings, such as full width.</summary>
    [JsonPropertyName("msteams")] public TeamsCardSettings? MsTeams { get; init; }
    /// <summary>Shown by clients that cannot render the card.</summary>
    [JsonPropertyName("fallbackText")] public string? FallbackText { get; init; }
    /// <summary>What a voice client speaks for the card.</summary>
    [JsonPropertyName("speak")] public string? Speak { get; init; }

    /// <summary>The card as JSON, for an adaptiveCard/action answer or an attachment.</summary>
    public JsonElement ToJsonElement() => JsonSerializer.SerializeToElement(this, AdaptiveCardJsonContext.Default.AdaptiveCard);

    /// <summary>The card as a message attachment (application/vnd.microsoft.card.adaptive).</summary>
    public Attachment ToAttachment() => new()
    {
        ContentType = Attachment.AdaptiveCardContentType,
        Content = ToJsonElement(),
    };
}

/// <summary>
/// How a card refreshes: Teams runs <see cref="Action"/> for each of <see cref="UserIds"/> when
/// they see the card, and shows each of them the card the bot answers with.
/// </summary>
public sealed record CardRefresh
{
    /// <summary>Teams refreshes automatically for at most this many users.</summary>
    public const int MaxUserIds = 60;

    private readonly IReadOnlyList<string>? userIds;

    /// <summary>The Action.Execute sent to the bot to refresh. Required.</summary>
    [JsonPropertyName("action"), JsonConverter(typeof(ExecuteActionWithTypeConverter))]
    public required ExecuteAction Action { get; init; }

    /// <summary>The users (29:… ids or Entra object ids) whose view refreshes automatically; at most 60.</summary>
    [JsonPropertyName("userIds")]
    public IReadOnlyList<string>? UserIds
    {
        get => userIds;
        init => userIds = value is { Count: > MaxUserIds }
            ? throw new ArgumentException($"Teams refreshes a card automatically for at most {MaxUserIds} users.", nameof(value))
            : value;
    }
}

/// <summary>Teams' extension of a card (msteams).</summary>
public sealed record TeamsCardSettings
{
    /// <summary><see cref="TeamsCardWidth.Full"/> to use the whole message width.</summary>
    [JsonPropertyName("width")] public TeamsCardWidth? Width { get; init; }
}

// A refresh action is typed as ExecuteAction, but must still carry "type": "Action.Execute";
// writing it through the polymorphic base type adds the discriminator.
internal sealed class ExecuteActionWithTypeConverter : JsonConverter<ExecuteAction>
{
    public override ExecuteAction? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, options.GetTypeInfo(typeof(CardAction))) switch
        {
            ExecuteAction execute => execute,
            null => null,
            var other => throw new JsonException($"A refresh action must be Action.Execute, not {other.GetType().Name}."),
        };

    public override void Write(Utf8JsonWriter writer, ExecuteAction value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(typeof(CardAction)));
}
