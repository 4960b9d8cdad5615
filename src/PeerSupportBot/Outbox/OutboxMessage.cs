using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;

namespace PeerSupportBot.Outbox;

/// <summary>
/// One proactive post waiting in the queue: ids only. What to post is composed at delivery from
/// storage, in the recipient's language. <see cref="Sealed"/> is the one exception: text that
/// exists nowhere else (what an asker chose to share, a deleted cohort's name), encrypted with a
/// key storage never holds.
/// </summary>
/// <param name="Id">Deterministic for one effect, so an effect enqueued twice is posted once.</param>
/// <param name="Kind">Which composer builds the post (a keyed service).</param>
/// <param name="RecipientKey">The person the post is for.</param>
/// <param name="RequestId">The help request it belongs to, when it does.</param>
/// <param name="Variant">What the composer needs beyond the ids: which card, whose role.</param>
/// <param name="Replaces">For an update: the card to replace.</param>
/// <param name="Sealed">Encrypted text (see <see cref="SealedText"/>), or null.</param>
internal sealed record OutboxMessage(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("to")] string RecipientKey,
    [property: JsonPropertyName("request")] string? RequestId = null,
    [property: JsonPropertyName("variant")] string? Variant = null,
    [property: JsonPropertyName("replaces")] CardLocation? Replaces = null,
    [property: JsonPropertyName("sealed")] string? Sealed = null)
{
    /// <summary>The id of the one message that carries out this effect: the same inputs, the same id.</summary>
    public static string IdFor(string kind, string? requestId, string recipientKey, string? variant = null)
    {
        // Hashed, so the id (kept in the delivery record) names nobody.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}\n{requestId}\n{recipientKey}\n{variant}"));
        return Convert.ToHexStringLower(hash, 0, 16);
    }

    /// <summary>A message whose effect happens once however it came about (a notice, say): a random id.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

/// <summary>Where a posted card is, to replace it later.</summary>
internal sealed record CardLocation(
    [property: JsonPropertyName("serviceUrl")] string ServiceUrl,
    [property: JsonPropertyName("conversation")] string ConversationId,
    [property: JsonPropertyName("activity")] string ActivityId);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(OutboxMessage))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
