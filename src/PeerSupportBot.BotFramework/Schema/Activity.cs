using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerSupportBot.BotFramework.Schema;

/// <summary>
/// A Bot Framework activity as it travels on the wire. Fields the bot does not model are kept in
/// <see cref="ExtensionData"/> so that a received activity serialises back unchanged.
/// </summary>
public sealed class Activity
{
    /// <summary>The activity type, one of <see cref="ActivityTypes"/>.</summary>
    [JsonPropertyName("type")] public string? Type { get; set; }
    /// <summary>The channel's id of this activity.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }
    /// <summary>When the channel sent the activity (UTC).</summary>
    [JsonPropertyName("timestamp")] public DateTimeOffset? Timestamp { get; set; }
    /// <summary>The sender's local time.</summary>
    [JsonPropertyName("localTimestamp")] public DateTimeOffset? LocalTimestamp { get; set; }
    /// <summary>The connector endpoint that replies go to.</summary>
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; set; }
    /// <summary>The channel, <c>msteams</c> for Teams.</summary>
    [JsonPropertyName("channelId")] public string? ChannelId { get; set; }
    /// <summary>The sender.</summary>
    [JsonPropertyName("from")] public ChannelAccount? From { get; set; }
    /// <summary>The conversation the activity belongs to.</summary>
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; set; }
    /// <summary>The receiver.</summary>
    [JsonPropertyName("recipient")] public ChannelAccount? Recipient { get; set; }
    /// <summary>The text of a message.</summary>
    [JsonPropertyName("text")] public string? Text { get; set; }
    /// <summary>plain, markdown or xml.</summary>
    [JsonPropertyName("textFormat")] public string? TextFormat { get; set; }
    /// <summary>The sender's locale as a BCP-47 tag.</summary>
    [JsonPropertyName("locale")] public string? Locale { get; set; }
    /// <summary>How several attachments are shown: list or carousel.</summary>
    [JsonPropertyName("attachmentLayout")] public string? AttachmentLayout { get; set; }
    /// <summary>Cards and files.</summary>
    [JsonPropertyName("attachments")] public IList<Attachment>? Attachments { get; set; }
    /// <summary>Mentions, client info and other entities.</summary>
    [JsonPropertyName("entities")] public IList<Entity>? Entities { get; set; }
    /// <summary>Channel-specific data; for Teams see <see cref="GetTeamsChannelData"/>.</summary>
    [JsonPropertyName("channelData")] public JsonElement? ChannelData { get; set; }
    /// <summary>The activity this one replies to.</summary>
    [JsonPropertyName("replyToId")] public string? ReplyToId { get; set; }
    /// <summary>The payload of an invoke or a card submit.</summary>
    [JsonPropertyName("value")] public JsonElement? Value { get; set; }
    /// <summary>The name of an invoke or event.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }
    /// <summary>Accounts added to the conversation.</summary>
    [JsonPropertyName("membersAdded")] public IList<ChannelAccount>? MembersAdded { get; set; }
    /// <summary>Accounts removed from the conversation.</summary>
    [JsonPropertyName("membersRemoved")] public IList<ChannelAccount>? MembersRemoved { get; set; }
    /// <summary>The action of an installationUpdate: add, remove, add-upgrade, remove-upgrade.</summary>
    [JsonPropertyName("action")] public string? Action { get; set; }
    /// <summary>A short summary shown where the channel cannot show cards.</summary>
    [JsonPropertyName("summary")] public string? Summary { get; set; }

    /// <summary>Fields this model does not name, kept as they came.</summary>
    [JsonExtensionData] public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>
    /// Reads <see cref="ChannelData"/> as Teams channel data, or null when there is none or it is
    /// not of that shape (a client can send anything there; a bad shape is no channel data).
    /// </summary>
    public TeamsChannelData? GetTeamsChannelData()
    {
        if (ChannelData is not { ValueKind: JsonValueKind.Object } data)
        {
            return null;
        }

        try
        {
            return data.Deserialize(BotFrameworkJsonContext.Default.TeamsChannelData);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The tenant of the conversation: Teams puts it in channelData.tenant.id, newer payloads also
    /// in conversation.tenantId.
    /// </summary>
    public string? GetTenantId() => GetTeamsChannelData()?.Tenant?.Id ?? Conversation?.TenantId;

    /// <summary>True when the bot itself is among <see cref="MembersAdded"/>.</summary>
    public bool AddsRecipient() =>
        MembersAdded?.Any(member => Recipient?.Id is { } botId && string.Equals(member.Id, botId, StringComparison.Ordinal)) == true;

    /// <summary>The reference needed to reach this conversation again later.</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
        TenantId = GetTenantId(),
    };

    /// <summary>
    /// Starts a reply in the same conversation: from and recipient swapped, locale and reply id set.
    /// </summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, AadObjectId = From.AadObjectId },
        Conversation = Conversation is null ? null : new ConversationAccount { Id = Conversation.Id, IsGroup = Conversation.IsGroup, ConversationType = Conversation.ConversationType, TenantId = Conversation.TenantId },
        ReplyToId = Id,
        Locale = Locale,
        Text = text,
    };
}
