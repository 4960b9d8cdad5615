namespace PeerSupportBot.HelpRequests;

/// <summary>The Action.Execute verbs of help request cards.</summary>
internal static class HelpRequestVerbs
{
    public const string Accept = "request.accept";
    public const string Decline = "request.decline";
    public const string Cancel = "request.cancel";
    public const string Feedback = "feedback.give";
}

/// <summary>The answers of "Did it help?".</summary>
internal static class FeedbackAnswers
{
    public const string Yes = "yes";
    public const string Somewhat = "somewhat";
    public const string No = "no";
}
