using System.Text.Json.Nodes;

namespace PeerSupportBot.Deployment.Tests.Manifest;

/// <summary>Lenient reads: the schema reports wrong shapes, so the rules only need the values that are there.</summary>
internal static class JsonNodes
{
    public static string? Text(this JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static IReadOnlyList<JsonNode?> Items(this JsonNode? node) => node is JsonArray array ? [.. array] : [];

    /// <summary>The manifest's first (and only allowed) bot, if any.</summary>
    public static JsonNode? FirstBot(this JsonObject manifest) => manifest["bots"] is JsonArray { Count: > 0 } bots ? bots[0] : null;

    public static IReadOnlyList<string> Texts(this JsonNode? node) =>
        [.. node.Items().Select(item => item.Text()).OfType<string>()];
}
