using PeerSupportBot.Conversation;

namespace PeerSupportBot.Consent;

/// <summary>
/// What a person can type or press about their consent, topics, availability and data, each tied
/// to what handles it.
/// </summary>
internal static class ConsentVerbs
{
    public const string Give = "consent.give";
    public const string Decline = "consent.decline";
    public const string SaveTopics = "topics.save";
    public const string SaveAvailability = "availability.save";
    public const string WithdrawAll = "consent.withdrawAll";
    public const string Forget = "forget.confirm";
    public const string KeepData = "forget.cancel";

    /// <summary>On the list of a person's cohorts (a cohort card), so its name stays as cards already posted carry it.</summary>
    public const string Leave = "cohort.leave";

    public static IServiceCollection AddConsentVerbs(this IServiceCollection services) => services
        .AddBotCommand<MyTopicsCommand, ConsentText>("aiheeni", "my topics", "MyTopicsDescription")
        .AddBotCommand<PauseCommand, ConsentText>("tauko", "pause", "PauseDescription")
        .AddBotCommand<ResumeCommand, ConsentText>("jatka", "resume", "ResumeDescription")
        .AddBotCommand<MyDataCommand, ConsentText>("omat tietoni", "my data", "MyDataDescription")
        .AddBotCommand<ForgetMeCommand, ConsentText>("unohda minut", "forget me", "ForgetMeDescription")
        .AddBotCommand<WithdrawCommand, ConsentText>("peru suostumus", "withdraw", "WithdrawDescription")
        .AddBotCommand<LeaveCommand, ConsentText>("eroa", "leave", "LeaveDescription")
        .AddCardAction<GiveConsentAction>(Give)
        .AddCardAction<DeclineConsentAction>(Decline)
        .AddCardAction<SaveTopicsAction>(SaveTopics)
        .AddCardAction<SaveAvailabilityAction>(SaveAvailability)
        .AddCardAction<WithdrawAllAction>(WithdrawAll)
        .AddCardAction<ForgetAction>(Forget)
        .AddCardAction<KeepDataAction>(KeepData)
        .AddCardAction<LeaveAction>(Leave);
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
