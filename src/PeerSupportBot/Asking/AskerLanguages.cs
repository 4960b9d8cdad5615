using PeerSupportBot.Consent;
using PeerSupportBot.Localization;
using PeerSupportBot.Topics;

namespace PeerSupportBot.Asking;

/// <summary>The languages an asker can be helped in: those they chose as a member, else the language they wrote in.</summary>
internal static class AskerLanguages
{
    public static async Task<IReadOnlyList<string>> OfAsync(ProfileStore profiles, string askerKey, string locale, CancellationToken cancellationToken) =>
        await profiles.FindAsync(askerKey, cancellationToken) is { Languages.Count: > 0 } profile
            ? profile.Languages
            : HelpLanguages.Known([BotLanguage.FromLocale(locale).TwoLetterISOLanguageName]);
}
