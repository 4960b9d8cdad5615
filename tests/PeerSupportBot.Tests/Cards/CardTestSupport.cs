using PeerSupportBot.Testing;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeerSupportBot.Asking;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Localization;

namespace PeerSupportBot.Tests.Cards;

/// <summary>Localizers as the app makes them, except that a missing key fails the test instead of showing the key.</summary>
internal static class Localizers
{
    private static readonly ResourceManagerStringLocalizerFactory Factory =
        new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    public static IStringLocalizer<T> Strict<T>() => new StrictLocalizer<T>(new StringLocalizer<T>(Factory));

    public static IStringLocalizer<T> Plain<T>() => new StringLocalizer<T>(Factory);

    public static CohortCards CohortCards() => new(Strict<CohortText>());

    public static ConsentCards ConsentCards() => new(Strict<ConsentText>());

    public static AskCards AskCards() => new(Strict<AskText>());

    public static HelpRequestCards HelpRequestCards(TimeProvider time) => new(Strict<HelpRequestText>(), time);

    public static CultureInfo Language(string name) => name == "fi" ? BotLanguage.Finnish : BotLanguage.English;

    private sealed class StrictLocalizer<T>(IStringLocalizer<T> inner) : IStringLocalizer<T>
    {
        public LocalizedString this[string name] => Found(inner[name]);

        public LocalizedString this[string name, params object[] arguments] => Found(inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);

        private static LocalizedString Found(LocalizedString text) => text.ResourceNotFound
            ? throw new InvalidOperationException($"{typeof(T).Name} has no resource \"{text.Name}\" for {CultureInfo.CurrentUICulture.Name}.")
            : text;
    }
}

/// <summary>Reads the buttons and inputs of a card's JSON, wherever they are nested.</summary>
internal static class CardJson
{
    /// <summary>The same card in two languages: both valid, headings differ, the same buttons and inputs.</summary>
    public static void AssertSameCardInBothLanguages(JsonElement finnish, JsonElement english)
    {
        AdaptiveCardSchema.AssertValid(finnish);
        AdaptiveCardSchema.AssertValid(english);
        Assert.NotEqual(Heading(finnish), Heading(english));
        Assert.Equal(Verbs(finnish), Verbs(english));
        Assert.Equal(InputIds(finnish), InputIds(english));
    }

    public static IReadOnlyList<JsonElement> Actions(JsonElement card) =>
        [.. Descendants(card).Where(element => element.TryGetProperty("type", out var type) && type.GetString()?.StartsWith("Action.", StringComparison.Ordinal) == true)];

    public static JsonElement Action(JsonElement card, string verb) =>
        Assert.Single(Actions(card), action => action.TryGetProperty("verb", out var v) && v.GetString() == verb);

    /// <summary>The verbs of the card's Action.Execute buttons; links have none.</summary>
    public static IReadOnlyList<string> Verbs(JsonElement card) =>
        [.. Actions(card).Where(action => action.TryGetProperty("verb", out _)).Select(action => action.GetProperty("verb").GetString()!)];

    public static JsonElement Input(JsonElement card, string id) =>
        Assert.Single(Descendants(card), element =>
            element.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal)
            && element.GetProperty("id").GetString() == id);

    public static IReadOnlyList<string> InputIds(JsonElement card) =>
        [.. Descendants(card)
            .Where(element => element.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
            .Select(element => element.GetProperty("id").GetString()!)];

    public static string? Data(JsonElement action, string name) =>
        action.TryGetProperty("data", out var data) && data.TryGetProperty(name, out var value)
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

    public static IReadOnlyList<string> ChoiceValues(JsonElement input) =>
        [.. input.GetProperty("choices").EnumerateArray().Select(choice => choice.GetProperty("value").GetString()!)];

    public static IReadOnlyList<string> ChoiceTitles(JsonElement input) =>
        [.. input.GetProperty("choices").EnumerateArray().Select(choice => choice.GetProperty("title").GetString()!)];

    public static string? Value(JsonElement input) =>
        input.TryGetProperty("value", out var value) ? value.GetString() : null;

    /// <summary>The first text of the card: its heading.</summary>
    public static string Heading(JsonElement card) => card.GetProperty("body")[0].GetProperty("text").GetString()!;

    private static IEnumerable<JsonElement> Descendants(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                yield return element;
                foreach (var property in element.EnumerateObject())
                {
                    // Action data is the bot's own payload, not part of the card's structure.
                    if (property.Name == "data")
                        continue;
                    foreach (var child in Descendants(property.Value))
                        yield return child;
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var child in Descendants(item))
                        yield return child;
                }

                break;
        }
    }
}
