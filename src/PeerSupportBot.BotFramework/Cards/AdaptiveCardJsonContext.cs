using System.Text.Json.Serialization;

namespace PeerSupportBot.BotFramework.Cards;

/// <summary>Source-generated serialisation of Adaptive Cards: nulls left out, names as the schema spells them.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdaptiveCard))]
[JsonSerializable(typeof(CardElement))]
[JsonSerializable(typeof(CardAction))]
public sealed partial class AdaptiveCardJsonContext : JsonSerializerContext;
