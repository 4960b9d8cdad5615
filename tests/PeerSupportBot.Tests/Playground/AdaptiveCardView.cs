using System.Text.Json;

namespace PeerSupportBot.Tests.Playground;

/// <summary>
/// Reads an Adaptive Card the way a person sees it: its texts and its buttons, wherever in the
/// card they sit (body, containers, columns, action sets, the card's own actions).
/// </summary>
internal sealed class AdaptiveCardView(JsonElement card)
{
    public JsonElement Json { get; } = card;

    /// <summary>Every "text" of the card (TextBlocks, TextRuns) and every fact, in document order.</summary>
    public IReadOnlyList<string> Texts => [.. Objects(Json).SelectMany(TextsOf)];

    /// <summary>Every Action.* object of the card, in document order.</summary>
    public IReadOnlyList<CardAction> Actions =>
        [.. Objects(Json).Where(IsAction).Select(a => new CardAction(a))];

    public bool ShowsText(string text) => Texts.Any(t => t.Contains(text, StringComparison.Ordinal));

    /// <summary>The one button with this title; fails with the titles there are.</summary>
    public CardAction Button(string title)
    {
        var matches = Actions.Where(a => a.Title == title).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException(
                $"Expected one button titled '{title}', found {matches.Count} among: {string.Join(", ", Actions.Select(a => a.Title))}");
    }

    /// <summary>The one Action.Execute button with this verb; fails with the verbs there are.</summary>
    public CardAction ButtonWithVerb(string verb)
    {
        var matches = Actions.Where(a => a.Verb == verb).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new InvalidOperationException(
                $"Expected one button with the verb '{verb}', found {matches.Count} among: {string.Join(", ", Actions.Select(a => a.Verb))}");
    }

    private static IEnumerable<string> TextsOf(JsonElement element)
    {
        if (element.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            yield return text.GetString()!;
        if (TypeOf(element) == "Fact")
        {
            if (element.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
                yield return title.GetString()!;
            if (element.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.String)
                yield return value.GetString()!;
        }
    }

    private static bool IsAction(JsonElement element) =>
        TypeOf(element)?.StartsWith("Action.", StringComparison.Ordinal) == true;

    private static string? TypeOf(JsonElement element) =>
        element.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            // Facts have no type of their own; recognise them by shape.
            : element.TryGetProperty("title", out _) && element.TryGetProperty("value", out _) ? "Fact" : null;

    private static IEnumerable<JsonElement> Objects(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                yield return element;
                foreach (var property in element.EnumerateObject())
                {
                    // Action data is the bot's own payload, not something shown.
                    if (property.NameEquals("data")) continue;
                    foreach (var inner in Objects(property.Value)) yield return inner;
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    foreach (var inner in Objects(item)) yield return inner;
                break;
        }
    }
}

/// <summary>A button on a card.</summary>
internal sealed record CardAction(JsonElement Json)
{
    public string Type => Json.GetProperty("type").GetString()!;
    public string? Title => Json.TryGetProperty("title", out var t) ? t.GetString() : null;
    public string? Verb => Json.TryGetProperty("verb", out var v) ? v.GetString() : null;
}
