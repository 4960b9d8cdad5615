namespace PeerSupportBot.Asking;

/// <summary>The Action.Execute verbs of the ask card.</summary>
internal static class AskVerbs
{
    public const string Send = "ask.send";
    public const string SendAll = "ask.sendAll";
    public const string Refresh = "ask.refresh";
    public const string Discard = "ask.discard";
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
