namespace PeerSupportBot.Consent;

/// <summary>The Action.Execute verbs of consent, topic, availability and data cards.</summary>
internal static class ConsentVerbs
{
    public const string Give = "consent.give";
    public const string Decline = "consent.decline";
    public const string SaveTopics = "topics.save";
    public const string SaveAvailability = "availability.save";
    public const string WithdrawAll = "consent.withdrawAll";
    public const string Forget = "forget.confirm";
    public const string KeepData = "forget.cancel";
}

/// <summary>The pause choices of the availability card.</summary>
internal static class PauseChoices
{
    public const string None = "none";
    public const string OneWeek = "1w";
    public const string TwoWeeks = "2w";
    public const string FourWeeks = "4w";
    public const string UntilResumed = "indefinite";
}
