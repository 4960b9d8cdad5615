using System.Text.Json.Serialization;

namespace PeerSupportBot.BotFramework.Schema;

/// <summary>Everything needed to send into a conversation later, without an incoming activity.</summary>
public sealed record ConversationReference
{
    /// <summary>The activity the reference was taken from.</summary>
    [JsonPropertyName("activityId")] public string? ActivityId { get; init; }
    /// <summary>The person.</summary>
    [JsonPropertyName("user")] public ChannelAccount? User { get; init; }
    /// <summary>The bot.</summary>
    [JsonPropertyName("bot")] public ChannelAccount? Bot { get; init; }
    /// <summary>The conversation.</summary>
    [JsonPropertyName("conversation")] public ConversationAccount? Conversation { get; init; }
    /// <summary>The channel.</summary>
    [JsonPropertyName("channelId")] public string? ChannelId { get; init; }
    /// <summary>The connector endpoint; it can change, so refresh it from each new activity.</summary>
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; init; }
    /// <summary>The person's locale.</summary>
    [JsonPropertyName("locale")] public string? Locale { get; init; }
    /// <summary>The Teams tenant.</summary>
    [JsonPropertyName("tenantId")] public string? TenantId { get; init; }
}

/// <summary>The body of a create-conversation request.</summary>
public sealed class ConversationParameters
{
    /// <summary>True for a group conversation; false for 1:1.</summary>
    [JsonPropertyName("isGroup")] public bool IsGroup { get; set; }
    /// <summary>The bot.</summary>
    [JsonPropertyName("bot")] public ChannelAccount? Bot { get; set; }
    /// <summary>The members; one for a 1:1 chat.</summary>
    [JsonPropertyName("members")] public IList<ChannelAccount>? Members { get; set; }
    /// <summary>Teams needs the tenant here.</summary>
    [JsonPropertyName("channelData")] public TeamsChannelData? ChannelData { get; set; }
    /// <summary>The tenant, as the v3 API names it.</summary>
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    /// <summary>A first activity to send into the new conversation.</summary>
    [JsonPropertyName("activity")] public Activity? Activity { get; set; }
}

/// <summary>What the connector answers to create-conversation.</summary>
public sealed class ConversationResourceResponse
{
    /// <summary>The conversation's id.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }
    /// <summary>The first activity's id, when one was sent.</summary>
    [JsonPropertyName("activityId")] public string? ActivityId { get; set; }
    /// <summary>The service URL to use for the conversation.</summary>
    [JsonPropertyName("serviceUrl")] public string? ServiceUrl { get; set; }
}

/// <summary>What the connector answers to a send: the new activity's id.</summary>
public sealed class ResourceResponse
{
    /// <summary>The id of the created or updated activity.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }
}

/// <summary>The connector's error body.</summary>
public sealed class ErrorResponse
{
    /// <summary>The error.</summary>
    [JsonPropertyName("error")] public ErrorDetail? Error { get; set; }
}

/// <summary>An error code and message.</summary>
public sealed class ErrorDetail
{
    /// <summary>A code such as BadArgument or, in Teams, the code that carries a subCode.</summary>
    [JsonPropertyName("code")] public string? Code { get; set; }
    /// <summary>A human message.</summary>
    [JsonPropertyName("message")] public string? Message { get; set; }
}
