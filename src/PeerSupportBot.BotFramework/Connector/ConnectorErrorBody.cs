using System.Text.Json;

namespace PeerSupportBot.BotFramework.Connector;

/// <summary>
/// Reads the error codes out of a connector error body. Teams uses more than one shape:
/// <list type="bullet">
/// <item><c>{"error":{"code":"ConversationBlockedByUser","message":"…"}}</c>, the documented
/// Bot Framework error envelope;</item>
/// <item><c>{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",…}"}</c>, the
/// documented answer to a proactive message after a person blocked or removed the app, where the
/// subCode sits in JSON inside the message string;</item>
/// <item>the envelope with a <c>subCode</c> or <c>innerHttpError</c> beside the code.</item>
/// </list>
/// So the body is walked as a tree, string values that themselves hold a JSON object included,
/// and every <c>code</c>, <c>subCode</c> and <c>errorSubCode</c> found is collected. The free-text
/// message is never used to decide anything, and nothing here is logged.
/// </summary>
internal sealed class ConnectorErrorBody
{
    /// <summary>
    /// Every code Teams uses for "you cannot post here": the person blocked the bot, removed the
    /// app, never installed it personally, an admin disabled it, or the chat is gone.
    /// </summary>
    public static readonly IReadOnlySet<string> UnreachableCodes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "MessageWritesBlocked",
        "ConversationBlockedByUser",
        "ForbiddenOperationException",
        "BotNotInConversationRoster",
        "BotDisabledByAdmin",
        "ConversationNotFound",
    };

    private static readonly string[] CodePropertyNames = ["code", "subCode", "errorSubCode"];

    // Nested JSON deeper than this is not an error body worth reading.
    private const int MaxDepth = 8;

    private ConnectorErrorBody(IReadOnlyList<string> codes) => Codes = codes;

    /// <summary>Every code in the body, outermost first.</summary>
    public IReadOnlyList<string> Codes { get; }

    /// <summary>The code to report: the outermost one, or null when the body had none.</summary>
    public string? PrimaryCode => Codes.Count > 0 ? Codes[0] : null;

    /// <summary>True when any code says the recipient cannot be posted to.</summary>
    public bool SaysRecipientUnreachable => Codes.Any(UnreachableCodes.Contains);

    /// <summary>
    /// Teams' ways of saying "you cannot post here": any 403 (after an uninstall it often carries
    /// no code at all; a bad token is 401, not 403), and a 404 for a chat that no longer exists.
    /// </summary>
    public bool MeansUnreachable(System.Net.HttpStatusCode status) =>
        status == System.Net.HttpStatusCode.Forbidden
        || (status == System.Net.HttpStatusCode.NotFound && Codes.Contains("ConversationNotFound", StringComparer.OrdinalIgnoreCase));

    /// <summary>Parses a body; anything that is not JSON yields no codes.</summary>
    public static ConnectorErrorBody Parse(string? body)
    {
        var codes = new List<string>();
        if (!string.IsNullOrWhiteSpace(body))
        {
            CollectFromText(body, codes, depth: 0);
        }

        return new ConnectorErrorBody(codes);
    }

    private static void CollectFromText(string text, List<string> codes, int depth)
    {
        if (depth > MaxDepth || !text.TrimStart().StartsWith('{'))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            Collect(document.RootElement, codes, depth);
        }
        catch (JsonException)
        {
            // Not JSON after all: an HTML error page from a proxy, say. No codes.
        }
    }

    private static void Collect(JsonElement element, List<string> codes, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                // Codes at this level come before codes nested deeper.
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String
                        && CodePropertyNames.Contains(property.Name, StringComparer.OrdinalIgnoreCase)
                        && property.Value.GetString() is { Length: > 0 } code)
                    {
                        codes.Add(code);
                    }
                }

                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, codes, depth + 1);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, codes, depth + 1);
                }

                break;
            case JsonValueKind.String:
                CollectFromText(element.GetString()!, codes, depth + 1);
                break;
        }
    }
}
