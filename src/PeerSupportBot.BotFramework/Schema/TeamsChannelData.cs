using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerSupportBot.BotFramework.Schema;

/// <summary>What Teams puts in an activity's channelData.</summary>
public sealed class TeamsChannelData
{
    /// <summary>The tenant the conversation lives in.</summary>
    [JsonPropertyName("tenant")] public TenantInfo? Tenant { get; set; }
    /// <summary>The team, for channel conversations.</summary>
    [JsonPropertyName("team")] public TeamInfo? Team { get; set; }
    /// <summary>The channel, for channel conversations.</summary>
    [JsonPropertyName("channel")] public ChannelInfo? Channel { get; set; }
    /// <summary>The Teams event of a conversationUpdate, such as teamRenamed or channelCreated.</summary>
    [JsonPropertyName("eventType")] public string? EventType { get; set; }
    /// <summary>Fields this model does not name.</summary>
    [JsonExtensionData] public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

/// <summary>A tenant id.</summary>
public sealed class TenantInfo
{
    /// <summary>The tenant's id.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }
}

/// <summary>A team.</summary>
public sealed class TeamInfo
{
    /// <summary>The team's id (its General channel's conversation id).</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }
    /// <summary>The team's name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }
    /// <summary>The Entra group of the team.</summary>
    [JsonPropertyName("aadGroupId")] public string? AadGroupId { get; set; }
}

/// <summary>A channel in a team.</summary>
public sealed class ChannelInfo
{
    /// <summary>The channel's conversation id.</summary>
    [JsonPropertyName("id")] public string? Id { get; set; }
    /// <summary>The channel's name.</summary>
    [JsonPropertyName("name")] public string? Name { get; set; }
}
