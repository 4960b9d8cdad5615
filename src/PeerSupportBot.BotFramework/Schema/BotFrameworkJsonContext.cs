using System.Text.Json.Serialization;

namespace PeerSupportBot.BotFramework.Schema;

/// <summary>Source-generated serialisation for every wire type of the protocol.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(TeamsChannelData))]
[JsonSerializable(typeof(ConversationReference))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(TeamsChannelAccount))]
[JsonSerializable(typeof(PagedMembersResult))]
[JsonSerializable(typeof(AdaptiveCardInvokeValue))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(ErrorDetail))]
[JsonSerializable(typeof(string))]
public sealed partial class BotFrameworkJsonContext : JsonSerializerContext;
