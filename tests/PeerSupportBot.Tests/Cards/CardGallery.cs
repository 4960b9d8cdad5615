using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.Asking;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Welcome;
using static PeerSupportBot.Tests.Cards.SampleData;

namespace PeerSupportBot.Tests.Cards;

/// <summary>
/// Every distinct card the bot can show, built from sample data with the app's own card classes,
/// for the screenshots in docs/cards/ and for the check that the playground renders each in full.
/// </summary>
internal static class CardGallery
{
    // What an asker wrote, in the language the card is shown in.
    private static string Problem => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "fi"
        ? "Muutosneuvottelut alkavat ensi viikolla, enkä tiedä, miten kerron tiimille."
        : "Change negotiations start next week and I don't know how to tell my team.";

    /// <summary>One card: a file name, the card-class method it shows, a caption, and whether the README shows it.</summary>
    public sealed record Entry(string Name, string Method, string Caption, Func<GalleryCards, JsonElement> Build, bool Main = false);

    /// <summary>The card classes, as the app builds them (the welcome card needs the app's command catalogue).</summary>
    public sealed record GalleryCards(AskCards Ask, CohortCards Cohorts, ConsentCards Consent, HelpRequestCards HelpRequests, WelcomeCards Welcome);

    public static IReadOnlyList<Entry> All { get; } =
    [
        new("welcome", nameof(WelcomeCards.Create), "The welcome and help card, in a personal chat", c => Welcome(c.Welcome.Create(inGroup: false)), Main: true),
        new("welcome-group", nameof(WelcomeCards.Create), "The welcome card in a course chat or channel", c => Welcome(c.Welcome.Create(inGroup: true))),
        new("cohort-create-form", nameof(CohortCards.CreateForm), "Creating a cohort when the name is missing", C(c => c.Cohorts.CreateForm("Kurssiryhmä", postHere: true))),
        new("cohort-created", nameof(CohortCards.Created), "A new cohort and its join code, for the trainer", C(c => c.Cohorts.Created(Cohort(), Code))),
        new("invitation", nameof(CohortCards.Invitation), "The invitation a trainer posts in the course chat", C(c => c.Cohorts.Invitation(Cohort(), Code)), Main: true),
        new("join-continues-privately", nameof(CohortCards.JoinContinuesPrivately), "After Join in a group: consent continues privately", C(c => c.Cohorts.JoinContinuesPrivately(Cohort()))),
        new("pick-cohort-to-invite", nameof(CohortCards.PickCohortToInvite), "A trainer with several cohorts picks which to invite to", C(c => c.Cohorts.PickCohortToInvite([Cohort(), OtherCohort()]))),
        new("my-cohorts", nameof(CohortCards.MyCohorts), "My cohorts: those one trains and those one belongs to", C(c => c.Cohorts.MyCohorts(PersonCohorts(), new Dictionary<string, Cohort> { ["c-spring"] = Cohort() }))),
        new("my-cohorts-empty", nameof(CohortCards.MyCohorts), "My cohorts, before joining any", C(c => c.Cohorts.MyCohorts([], new Dictionary<string, Cohort>()))),
        new("members", nameof(CohortCards.Members), "A cohort's members, for its trainer", C(c => c.Cohorts.Members(Cohort(), Members()))),
        new("members-not-reachable", nameof(CohortCards.Members), "Members, one of whom has not opened the bot yet", C(c => c.Cohorts.Members(Cohort(), Members(), new HashSet<string>(StringComparer.Ordinal) { Members()[0].PersonKey }))),
        new("confirm-delete", nameof(CohortCards.ConfirmDelete), "Deleting a cohort asks first", C(c => c.Cohorts.ConfirmDelete(Cohort()))),
        new("code-rotated", nameof(CohortCards.CodeRotated), "A new join code", C(c => c.Cohorts.CodeRotated(Cohort(), Code))),
        new("cohort-closed", nameof(CohortCards.ClosedNotice), "A closed cohort", C(c => c.Cohorts.ClosedNotice(Cohort(closed: true)))),
        new("cohort-deleted", nameof(CohortCards.Deleted), "A deleted cohort", C(c => c.Cohorts.Deleted("Esihenkilövalmennus kevät 2027"))),
        new("member-removed", nameof(CohortCards.MemberRemoved), "A trainer removed a member", C(c => c.Cohorts.MemberRemoved("Esihenkilövalmennus kevät 2027", "Ben Example"))),
        new("left-cohort", nameof(CohortCards.Left), "A member left a cohort", C(c => c.Cohorts.Left("Esihenkilövalmennus kevät 2027"))),
        new("consent", nameof(ConsentCards.ConsentRequest), "The consent card: what is stored, who sees it, topics and languages", C(c => c.Consent.ConsentRequest(Cohort(), Code, existing: null)), Main: true),
        new("consent-in-group", nameof(ConsentCards.ConsentRequest), "The consent form in the course chat, for someone the bot cannot write to privately", C(c => c.Consent.ConsentRequest(Cohort(), Code, existing: null, openBot: OpenBot))),
        new("consent-again", nameof(ConsentCards.ConsentRequest), "Consent for a second cohort, with the choices made before", C(c => c.Consent.ConsentRequest(OtherCohort(), Code, Profile()))),
        new("joined", nameof(ConsentCards.Joined), "Joined: the choices and what comes next", C(c => c.Consent.Joined(Cohort(), Profile()))),
        new("joined-not-reachable", nameof(ConsentCards.Joined), "Joined in the course chat: requests come once the bot is opened personally", C(c => c.Consent.Joined(Cohort(), Profile(), OpenBot))),
        new("consent-declined", nameof(ConsentCards.Declined), "Not now: nothing was stored", C(c => c.Consent.Declined("Esihenkilövalmennus kevät 2027"))),
        new("topics-form", nameof(ConsentCards.TopicsForm), "My topics", C(c => c.Consent.TopicsForm(Profile()))),
        new("topics-saved", nameof(ConsentCards.TopicsSaved), "Topics saved", C(c => c.Consent.TopicsSaved(Profile()))),
        new("availability-form", nameof(ConsentCards.AvailabilityForm), "Pause and the monthly limit", C(c => c.Consent.AvailabilityForm(Profile(pausedUntil: Now.AddDays(7)), Now))),
        new("availability-saved", nameof(ConsentCards.AvailabilitySaved), "A break saved", C(c => c.Consent.AvailabilitySaved(Profile(pausedUntil: Now.AddDays(14)), Now))),
        new("my-data", nameof(ConsentCards.MyData), "My data: everything stored about a person", C(c => c.Consent.MyData("Anna", Profile(pausedUntil: Now.AddDays(7)), Contact(), PersonCohorts(), ConsentLog(), CohortNames()))),
        new("my-data-empty", nameof(ConsentCards.MyData), "My data, when nothing is stored", C(c => c.Consent.MyData("Anna", null, null, [], [], CohortNames()))),
        new("confirm-forget", nameof(ConsentCards.ConfirmForget), "Forget me asks first", C(c => c.Consent.ConfirmForget())),
        new("forgotten", nameof(ConsentCards.Forgotten), "Everything deleted", C(c => c.Consent.Forgotten())),
        new("being-forgotten", nameof(ConsentCards.BeingForgotten), "Forget me cut short by storage: the rest is deleted by itself", C(c => c.Consent.BeingForgotten())),
        new("data-kept", nameof(ConsentCards.DataKept), "Forget me cancelled", C(c => c.Consent.DataKept())),
        new("confirm-withdraw", nameof(ConsentCards.ConfirmWithdraw), "Withdrawing consent asks first", C(c => c.Consent.ConfirmWithdraw())),
        new("withdrawn", nameof(ConsentCards.Withdrawn), "Consent withdrawn", C(c => c.Consent.Withdrawn())),
        new("ask", nameof(AskCards.AskForm), "Asking: the topics found and three colleagues suggested, with a reason each", C(c => c.Ask.AskForm(["change-negotiations", "difficult-conversations"], Problem, Candidates())), Main: true),
        new("ask-choose-topics", nameof(AskCards.AskFormToChooseTopics), "Asking when the bot is unsure of the topic: nothing ticked, the likely topics first", C(c => c.Ask.AskFormToChooseTopics(["wellbeing", "sick-leave"], Problem))),
        new("ask-no-suggestions", nameof(AskCards.AskForm), "Asking when nobody offers help on the topic", C(c => c.Ask.AskForm(["customer-work"], Problem, []))),
        new("ask-no-cohorts", nameof(AskCards.NoCohorts), "Asking before joining a cohort", C(c => c.Ask.NoCohorts())),
        new("ask-waiting", nameof(AskCards.Waiting), "The request is sent; who was asked and until when", C(c => c.Ask.Waiting(Request(), ["Anna Esimerkki", "Ben Example"]))),
        new("ask-discarded", nameof(AskCards.Discarded), "An ask discarded before sending", C(c => c.Ask.Discarded())),
        new("ask-cancelled", nameof(AskCards.Cancelled), "A request cancelled by the asker", C(c => c.Ask.Cancelled())),
        new("ask-next-candidates", nameof(AskCards.NextCandidates), "Nobody could help yet: others to ask", C(c => c.Ask.NextCandidates(["difficult-conversations"], Candidates(), NextReason.AllDeclined))),
        new("ask-some-unreachable", nameof(AskCards.NextCandidates), "Teams could not deliver the request to someone: others to ask", C(c => c.Ask.NextCandidates(["difficult-conversations"], Candidates(), NextReason.SomeUnreachable))),
        new("ask-open-bot-privately", nameof(AskCards.OpenBotPrivately), "Asked in a course chat by someone the bot cannot write to privately: a neutral line and a link", C(c => c.Ask.OpenBotPrivately(OpenBot))),
        new("ask-expired", nameof(AskCards.NextCandidates), "The request expired: others to ask", C(c => c.Ask.NextCandidates(["difficult-conversations"], Candidates(), NextReason.Expired))),
        new("help-request", nameof(HelpRequestCards.Request), "The help request a colleague receives", C(c => c.HelpRequests.Request(Request(), AskerName, Problem)), Main: true),
        new("help-request-topics-only", nameof(HelpRequestCards.Request), "A help request that shares the topics only", C(c => c.HelpRequests.Request(Request(Urgency.ThisWeek), AskerName, null))),
        new("introduction", nameof(HelpRequestCards.IntroductionForAsker), "The introduction: a chat link with a drafted message and a call link", C(c => c.HelpRequests.IntroductionForAsker(Introduction())), Main: true),
        new("introduction-helper", nameof(HelpRequestCards.IntroductionForHelper), "The introduction, as the helper sees it", C(c => c.HelpRequests.IntroductionForHelper(Introduction()))),
        new("already-helped", nameof(HelpRequestCards.AlreadyHelped), "Someone else already helped", C(c => c.HelpRequests.AlreadyHelped())),
        new("decline-acknowledged", nameof(DeclineAction.Acknowledged), "Declining, privately", C(_ => DeclineAction.Acknowledged(Localizers.Strict<HelpRequestText>()))),
        new("no-longer-needed", nameof(HelpRequestCards.NoLongerNeeded), "The asker no longer needs help", C(c => c.HelpRequests.NoLongerNeeded())),
        new("request-expired", nameof(HelpRequestCards.RequestExpired), "A request expired before it was answered", C(c => c.HelpRequests.RequestExpired())),
        new("other-side-left", nameof(HelpRequestCards.OtherSideLeft), "The other person left", C(c => c.HelpRequests.OtherSideLeft())),
        new("did-it-help", nameof(HelpRequestCards.DidItHelp), "A day after an introduction: did it help?", C(c => c.HelpRequests.DidItHelp("req-42", "Anna Esimerkki"))),
        new("feedback-thanks", nameof(FeedbackAction.Thanks), "Thanks for the feedback", C(_ => FeedbackAction.Thanks(Localizers.Strict<HelpRequestText>()))),
    ];

    public static GalleryCards Cards(WelcomeCards welcome) => new(
        Localizers.AskCards(),
        Localizers.CohortCards(),
        Localizers.ConsentCards(),
        // 12.10 UTC on a Monday, as in the card tests: the suggested call is at 15.30 Finnish time.
        Localizers.HelpRequestCards(new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 10, 0, TimeSpan.Zero))),
        welcome);

    private static Func<GalleryCards, JsonElement> C(Func<GalleryCards, AdaptiveCard> build) => cards => build(cards).ToJsonElement();

    // The welcome card is sent as a message with a summary; the gallery shows its card.
    private static JsonElement Welcome(PeerSupportBot.Conversation.CardMessage message) => message.Attachment.Content!.Value;

    private static Dictionary<string, string> CohortNames() => new()
    {
        ["c-spring"] = "Esihenkilövalmennus kevät 2027",
        ["c-autumn"] = "Lähijohtajat syksy 2026",
    };
}
