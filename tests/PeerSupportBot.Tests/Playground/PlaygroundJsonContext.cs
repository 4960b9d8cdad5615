using System.Text.Json.Serialization;

namespace PeerSupportBot.Tests.Playground;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(PlaygroundConfigResponse))]
[JsonSerializable(typeof(ConversationFrame))]
[JsonSerializable(typeof(SendMessageRequest))]
[JsonSerializable(typeof(SendMessageResponse))]
[JsonSerializable(typeof(InvokeRequest))]
[JsonSerializable(typeof(InvokeResponse))]
internal sealed partial class PlaygroundJsonContext : JsonSerializerContext;
