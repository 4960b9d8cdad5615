using System.Globalization;
using PeerSupportBot.BotFramework.Schema;

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

    /// <summary>
    /// The activity's locale, or where Teams leaves it out (installation events, some clients) the
    /// locale of the clientInfo entity.
    /// </summary>
    public static CultureInfo FromActivity(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var clientLocale = activity.Entities?
            .Where(entity => string.Equals(entity.Type, "clientInfo", StringComparison.OrdinalIgnoreCase))
            .Select(entity => entity.Properties is { } properties && properties.TryGetValue("locale", out var locale) && locale.ValueKind == System.Text.Json.JsonValueKind.String ? locale.GetString() : null)
            .FirstOrDefault(locale => !string.IsNullOrWhiteSpace(locale));
        return FromLocale(string.IsNullOrWhiteSpace(activity.Locale) ? clientLocale : activity.Locale);
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
