using PeerSupportBot.Localization;
using PeerSupportBot.Topics;

namespace PeerSupportBot.Asking;

/// <summary>
/// The languages an asker can be helped in: those they chose as a member (the matcher finds them
/// on the asker's own membership row, which it reads anyway), else the language they wrote in.
/// </summary>
internal static class AskerLanguages
{
    public static IReadOnlyList<string> FromLocale(string locale) =>
        HelpLanguages.Known([BotLanguage.FromLocale(locale).TwoLetterISOLanguageName]);
}
