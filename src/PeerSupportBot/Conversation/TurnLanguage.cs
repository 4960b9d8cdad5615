using System.Globalization;
using System.Text.Json;
using PeerSupportBot.Asking;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Localization;

namespace PeerSupportBot.Conversation;

/// <summary>
/// The one language of a turn, decided before anything is said, so every text of the turn (the
/// apology for a failure too) is in it: a command's own word, the words of an ask, the language
/// a pressed card was shown in; else the person's locale.
/// </summary>
internal static class TurnLanguage
{
    public static CultureInfo Of(Activity activity, CommandCatalog commands)
    {
        if (activity.Type == ActivityTypes.Message && activity.GetTextWithoutBotMention() is { Length: > 0 } text)
        {
            return commands.Parse(text)?.Language ?? AskLanguage.Guess(text, activity.Locale);
        }

        if (activity.Type == ActivityTypes.Invoke && PressedCardLanguage(activity) is { Length: > 0 } shownIn)
        {
            return BotLanguage.FromLocale(shownIn);
        }

        return BotLanguage.FromActivity(activity);
    }

    // Action.Execute: value.action.data carries the card's language (CardData.Language).
    private static string? PressedCardLanguage(Activity activity) =>
        activity.Value is { ValueKind: JsonValueKind.Object } value
        && value.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object
        && action.TryGetProperty("data", out var data)
            ? CardData.From(data)?.Language
            : null;
}
