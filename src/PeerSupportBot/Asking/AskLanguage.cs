using System.Globalization;
using PeerSupportBot.Localization;

namespace PeerSupportBot.Asking;

/// <summary>
/// The language an ask was written in. Teams clients do not always send the person's locale (the
/// playground always says en-US), so the words decide; the locale only breaks a tie.
/// </summary>
internal static class AskLanguage
{
    private static readonly HashSet<string> Finnish = new(StringComparer.OrdinalIgnoreCase)
    {
        "ja", "on", "ei", "että", "kun", "mun", "minun", "miten", "mitä", "onko", "kuinka", "jos", "se", "tämä", "mutta", "myös",
        "olen", "meillä", "meidän", "tiimi", "tiimissä", "pitäisi", "voisi", "joku", "kukaan", "apua", "kanssa", "nyt", "vai",
    };

    private static readonly HashSet<string> English = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "is", "how", "my", "to", "a", "of", "in", "with", "what", "anyone", "has", "have", "do", "i", "we", "our",
        "should", "could", "team", "about", "this", "for", "it", "me",
    };

    public static CultureInfo Guess(string text, string? locale)
    {
        var words = text.Split([' ', '\n', '\t', ',', '.', '?', '!', ':', ';'], StringSplitOptions.RemoveEmptyEntries);
        var finnish = words.Count(Finnish.Contains) + text.Count(character => character is 'ä' or 'ö' or 'Ä' or 'Ö');
        var english = words.Count(English.Contains);
        return finnish > english ? BotLanguage.Finnish
            : english > finnish ? BotLanguage.English
            : BotLanguage.FromLocale(locale);
    }
}
