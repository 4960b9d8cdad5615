using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerSupportBot.BotFramework.Schema;

/// <summary>A person or bot on a channel.</summary>
public sealed class ChannelAccount
{
    /// <summary>The channel's id for the account (in Teams 29:… for people, 28:… for bots).</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }
    /// <summary>Display name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }
    /// <summary>The Entra object id, where the channel knows it.</summary>
    [JsonPropertyName("aadObjectId")] public string? AadObjectId { get; set; }
    /// <summary>user or bot.</summary>
    [JsonPropertyName("role")] public string? Role { get; set; }
    /// <summary>Fields this model does not name.</summary>
    [JsonExtensionData] public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A conversation: a 1:1 chat, a group chat or a team channel.</summary>
public sealed class ConversationAccount
{
    /// <summary>The channel's id of the conversation.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }
    /// <summary>The conversation's name, where it has one.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }
    /// <summary>True for group chats and channels.</summary>
    [JsonPropertyName("isGroup")] public bool? IsGroup { get; set; }
    /// <summary>personal, groupChat or channel.</summary>
    [JsonPropertyName("conversationType")] public string? ConversationType { get; set; }
    /// <summary>The tenant, where the channel puts it here.</summary>
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    /// <summary>Fields this model does not name.</summary>
    [JsonExtensionData] public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A conversation member as the connector returns it, with Teams' extra fields.</summary>
public sealed class TeamsChannelAccount
{
    /// <summary>The channel's id for the member.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }
    /// <summary>Display name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }
    /// <summary>The Entra object id.</summary>
    [JsonPropertyName("aadObjectId")] public string? AadObjectId { get; set; }
    /// <summary>The Entra object id under the older name some payloads use.</summary>
    [JsonPropertyName("objectId")] public string? ObjectId { get; set; }
    /// <summary>Email address.</summary>
    [JsonPropertyName("email")] public string? Email { get; set; }
    /// <summary>User principal name, which Teams deep links use.</summary>
    [JsonPropertyName("userPrincipalName")] public string? UserPrincipalName { get; set; }
    /// <summary>The member's tenant.</summary>
    [JsonPropertyName("tenantId")] public string? TenantId { get; set; }
    /// <summary>user, guest or anonymous.</summary>
    [JsonPropertyName("userRole")] public string? UserRole { get; set; }
    /// <summary>Fields this model does not name.</summary>
    [JsonExtensionData] public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>The Entra object id under whichever name the payload used.</summary>
    [JsonIgnore] public string? EntraObjectId => AadObjectId ?? ObjectId;
}

/// <summary>One page of conversation members.</summary>
public sealed class PagedMembersResult
{
    /// <summary>Pass back to get the next page; null on the last.</summary>
    [JsonPropertyName("continuationToken")] public string? ContinuationToken { get; set; }
    /// <summary>The members on this page.</summary>
    [JsonPropertyName("members")] public IList<TeamsChannelAccount> Members { get; set; } = [];
}
