using System.Globalization;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.CardLayout;

/// <summary>
/// The building blocks every feature's cards share, so every card looks alike:
/// one heading, wrapped paragraphs, attention-coloured errors, and dates written the local way.
/// </summary>
internal static class CardParts
{
    // The bot serves Finnish organisations first, and a person's own time zone is not known;
    // dates and times are shown in Finnish time for everyone.
    private static readonly TimeZoneInfo DisplayZone = FindDisplayZone();

    public static AdaptiveCard Card(string summary, IReadOnlyList<CardElement> body, IReadOnlyList<CardAction>? actions = null) =>
        new() { Body = body, Actions = actions is { Count: > 0 } ? actions : null, FallbackText = summary };

    /// <summary>A card that only tells: a heading and one paragraph, no buttons.</summary>
    public static AdaptiveCard Notice(string title, string explained) => Card(title, [Heading(title), Paragraph(explained)]);

    public static TextBlock Heading(string text) =>
        new() { Text = text, Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading };

    public static TextBlock Section(string text) =>
        new() { Text = text, Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Wrap = true };

    public static TextBlock Paragraph(string text) => new() { Text = text, Wrap = true };

    public static TextBlock Subtle(string text) => new() { Text = text, Wrap = true, IsSubtle = true, Spacing = Spacing.None };

    public static TextBlock Error(string text) => new() { Text = text, Wrap = true, Color = TextColor.Attention, Weight = TextWeight.Bolder };

    /// <summary>A Markdown bulleted list; Adaptive Cards separate list items with a carriage return.</summary>
    public static TextBlock Bullets(params string[] items) =>
        new() { Text = string.Join('\r', items.Select(item => "- " + item)), Wrap = true };

    /// <summary>A large, bold code that is easy to read out and copy.</summary>
    public static TextBlock Code(string code) =>
        new() { Text = code, Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Color = TextColor.Accent, Wrap = true, Spacing = Spacing.Small };

    // Every button carries the card's language, even one with no data of its own: Teams sends the
    // client's locale with the press, which need not be the language the person reads the card in.
    public static ExecuteAction Execute(string title, string verb, CardData? data = null, ActionStyle? style = null) =>
        new() { Title = title, Verb = verb, Data = (data ?? new CardData()).ToJsonElement(), Style = style };

    /// <summary>A button that sends no inputs, so it works even when a required field is empty (Cancel, Not now).</summary>
    public static ExecuteAction ExecuteWithoutInputs(string title, string verb, CardData? data = null) =>
        Execute(title, verb, data) with { AssociatedInputs = AssociatedInputs.None };

    public static string Date(DateTimeOffset value) => Date(DateOnly.FromDateTime(InDisplayZone(value).DateTime));

    public static string Date(DateOnly value) => value.ToString(IsFinnish ? "d.M.yyyy" : "d MMM yyyy", LanguageOfTheCard);

    public static string DateTime(DateTimeOffset value) =>
        InDisplayZone(value).ToString(IsFinnish ? "d.M.yyyy 'klo' H.mm" : "d MMM yyyy, HH:mm", LanguageOfTheCard);

    // Dates are written in the language of the card's text (month names in English), which is the
    // UI culture the turn runs in; the formatting culture may be something else entirely.
    private static CultureInfo LanguageOfTheCard => CultureInfo.CurrentUICulture;

    private static bool IsFinnish => LanguageOfTheCard.TwoLetterISOLanguageName == "fi";

    private static DateTimeOffset InDisplayZone(DateTimeOffset value)
    {
        // Dates at the ends of the range (such as a pause "until resumed") cannot be shifted.
        try
        {
            return TimeZoneInfo.ConvertTime(value, DisplayZone);
        }
        catch (ArgumentOutOfRangeException)
        {
            return value;
        }
    }

    private static TimeZoneInfo FindDisplayZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Helsinki");
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
