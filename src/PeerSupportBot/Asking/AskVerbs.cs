using PeerSupportBot.Conversation;

namespace PeerSupportBot.Asking;

/// <summary>"kysy" / "ask" and the buttons of the ask card, each tied to what handles it.</summary>
internal static class AskVerbs
{
    public const string Send = "ask.send";
    public const string SendAll = "ask.sendAll";
    public const string Refresh = "ask.refresh";
    public const string Discard = "ask.discard";

    public static IServiceCollection AddAskVerbs(this IServiceCollection services) => services
        .AddBotCommand<AskCommand, AskText>("kysy", "ask", "AskDescription")
        .AddCardAction<SendAskAction>(Send)
        .AddCardAction<SendAskAction>(SendAll)
        .AddCardAction<RefreshAskAction>(Refresh, answersRefresh: true)
        .AddCardAction<DiscardAskAction>(Discard);
}

/// <summary>The "share" input: what helpers will see.</summary>
internal static class ShareChoices
{
    public const string Text = "text";
    public const string TopicsOnly = "topics";
}

/// <summary>The "urgency" input.</summary>
internal static class UrgencyChoices
{
    public const string Today = "today";
    public const string ThisWeek = "week";
}
