using System.Globalization;

namespace PeerSupportBot.Localization;

/// <summary>
/// The two languages the bot speaks. Finnish organisations come first, so a missing locale means
/// Finnish; any other language the bot does not speak gets English.
/// </summary>
internal static class BotLanguage
{
    public static readonly CultureInfo Finnish = CultureInfo.GetCultureInfo("fi");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static CultureInfo FromLocale(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return Finnish;
        }

        return locale.StartsWith("fi", StringComparison.OrdinalIgnoreCase) ? Finnish : English;
    }

    /// <summary>Runs the rest of the turn with <paramref name="culture"/> as the UI culture, then restores it.</summary>
    public static IDisposable Use(CultureInfo culture) => new CultureScope(culture);

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

        public CultureScope(CultureInfo culture) => CultureInfo.CurrentUICulture = culture;

        public void Dispose() => CultureInfo.CurrentUICulture = _previous;
    }
}
