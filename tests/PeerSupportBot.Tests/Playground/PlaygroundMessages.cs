using System.Text.Json;

namespace PeerSupportBot.Tests.Playground;

// What the playground pushes on /_ws_conversation/v1/conversations/stream, one JSON text frame
// per change: {"action":"createMessage"|"updateMessage"|"typing","actionConversationId":…,"message":{…}}.
// A bot activity carrying both text and attachments becomes two messages: the text, then the
// attachments under the id "<text id>-<suffix>".

internal sealed record ConversationFrame(string Action, string? ActionConversationId, PlaygroundMessage? Message)
{
    public const string CreateMessage = "createMessage";
    public const string UpdateMessage = "updateMessage";
    public const string Typing = "typing";
}

internal sealed record PlaygroundMessage(
    string MessageId,
    long Timestamp,
    PlaygroundAccount From,
    string? Text,
    string? TextFormat,
    IReadOnlyList<PlaygroundAttachment>? Attachments);

internal sealed record PlaygroundAccount(string Id);

internal sealed record PlaygroundAttachment(string ContentType, JsonElement Content)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";
}

/// <summary>A message the bot created or updated, as the chat shows it.</summary>
internal sealed record BotMessage(string Action, string ConversationId, PlaygroundMessage Message)
{
    public bool IsUpdate => Action == ConversationFrame.UpdateMessage;

    public string Id => Message.MessageId;

    /// <summary>The first Adaptive Card in the message, or null when it has none.</summary>
    public AdaptiveCardView? Card =>
        Message.Attachments?.FirstOrDefault(a => a.ContentType == PlaygroundAttachment.AdaptiveCardContentType) is { } card
            ? new AdaptiveCardView(card.Content)
            : null;

    public override string ToString() =>
        $"{Action} {Id}: text={Message.Text ?? "(none)"}; card texts=[{string.Join(" | ", Card?.Texts ?? [])}]";

    /// <summary>What the message shows, for assertion messages.</summary>
    public string Describe() => ToString();
}

// The bodies of the calls the playground's web UI makes.

internal sealed record SendMessageRequest(PlaygroundAccount From, string Text, string TextFormat);

internal sealed record SendMessageResponse(string MessageId, long Timestamp);

internal sealed record InvokeRequest(
    string Name,
    InvokeValue Value,
    PlaygroundAccount From,
    PlaygroundConversation Conversation,
    string ReplyToId);

internal sealed record InvokeValue(JsonElement Action);

internal sealed record PlaygroundConversation(string Id);

/// <summary>
/// The bot's answer to an invoke, as the playground passes it on: type is
/// application/vnd.microsoft.card.adaptive (value is the replacing card),
/// application/vnd.microsoft.activity.message (value is a string) or application/vnd.microsoft.error.
/// </summary>
internal sealed record InvokeResponse(int? StatusCode, string? Type, JsonElement? Value)
{
    public AdaptiveCardView? Card =>
        Type == PlaygroundAttachment.AdaptiveCardContentType && Value is { } value ? new AdaptiveCardView(value) : null;

    /// <summary>What the answer shows, for assertion messages.</summary>
    public string Describe() =>
        Card is { } card ? $"{Type}: card texts=[{string.Join(" | ", card.Texts)}]" : $"{Type}: {Value?.GetRawText() ?? "(no value)"}";
}
