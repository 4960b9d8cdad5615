using System.Globalization;
using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.Conversation;
using PeerSupportBot.Topics;
using PeerSupportBot.CardLayout;
using static PeerSupportBot.CardLayout.CardParts;

namespace PeerSupportBot.HelpRequests;

/// <summary>
/// The cards of a help request after it is sent: the request a helper sees, the introductions,
/// the closing notices and "Did it help?" (what only a press answers is built beside its action, in RequestChanges), each in the current UI culture (the reader's language).
/// Declining stays private: no card the asker sees names anyone who declined.
/// </summary>
internal sealed class HelpRequestCards(IStringLocalizer<HelpRequestText> text, TimeProvider time)
{
    public static readonly TimeSpan CallLength = TimeSpan.FromMinutes(30);

    /// <param name="sharedProblem">The asker's text when they chose to share it; null when they shared only the topics.</param>
    public AdaptiveCard Request(HelpRequest request, string askerName, string? sharedProblem)
    {
        var heading = text["RequestTitle", askerName];
        List<CardElement> body =
        [
            Heading(text["RequestTitle", MarkdownText.Escape(askerName)]),
            Paragraph(text["RequestIntro"]),
            new FactSet
            {
                Facts =
                [
                    new Fact(text["TopicsLabel"], TopicNames(request.Topics)),
                    new Fact(text["UrgencyLabel"], request.Urgency == Urgency.Today ? text["UrgencyToday"] : text["UrgencyThisWeek"]),
                ],
            },
        ];
        body.Add(string.IsNullOrWhiteSpace(sharedProblem)
            ? Paragraph(text["TopicsOnlyShared"])
            : new Container
            {
                Style = ContainerStyle.Emphasis,
                Items = [Subtle(text["ProblemHeading"]), Paragraph(MarkdownText.Escape(sharedProblem))],
            });
        body.Add(Subtle(text["OpenUntil", DateTime(request.ExpiresAt)]) with { Spacing = Spacing.Medium });
        body.Add(Subtle(text["RequestPrivacy"]));
        body.Add(Subtle(text["DecliningIsPrivate"]));
        var data = new CardData { RequestId = request.Id };
        return Card(heading, body,
        [
            Execute(text["AcceptButton"], HelpRequestVerbs.Accept, data, ActionStyle.Positive),
            Execute(text["DeclineButton"], HelpRequestVerbs.Decline, data),
        ]);
    }

    public AdaptiveCard IntroductionForHelper(Introduction intro)
    {
        List<CardElement> body =
        [
            Heading(text["HelperIntroTitle"]),
            Paragraph(text["HelperIntroExplained", MarkdownText.Escape(intro.AskerName)]),
            Names(intro),
        ];
        return Introduction(text["HelperIntroTitle"], body, intro.AskerName, intro.AskerUpn, text["HelperDraft", intro.AskerName]);
    }

    public AdaptiveCard IntroductionForAsker(Introduction intro)
    {
        var heading = text["AskerIntroTitle", intro.HelperName];
        List<CardElement> body =
        [
            Heading(text["AskerIntroTitle", MarkdownText.Escape(intro.HelperName)]),
            Paragraph(text["AskerIntroExplained", MarkdownText.Escape(intro.HelperName)]),
            Names(intro),
        ];
        return Introduction(heading, body, intro.HelperName, intro.HelperUpn, text["AskerDraft", intro.HelperName]);
    }

    public AdaptiveCard AlreadyHelped() => Notice("AlreadyHelpedTitle", "AlreadyHelpedExplained");

    public AdaptiveCard NoLongerNeeded() => Notice("NoLongerNeededTitle", "NoLongerNeededExplained");

    public AdaptiveCard RequestExpired() => Notice("ExpiredTitle", "ExpiredExplained");

    /// <summary>The other person left or was forgotten; the card says only that the request closed.</summary>
    public AdaptiveCard OtherSideLeft() => Notice("OtherSideLeftTitle", "OtherSideLeftExplained");

    public AdaptiveCard DidItHelp(string requestId, string otherName) =>
        Card(text["DidItHelpTitle"],
        [
            Heading(text["DidItHelpTitle"]),
            Paragraph(text["DidItHelpQuestion", MarkdownText.Escape(otherName)]),
            Subtle(text["DidItHelpCountsOnly"]),
        ],
        [
            Execute(text["FeedbackYes"], HelpRequestVerbs.Feedback, new CardData { RequestId = requestId, Answer = FeedbackAnswers.Yes }),
            Execute(text["FeedbackSomewhat"], HelpRequestVerbs.Feedback, new CardData { RequestId = requestId, Answer = FeedbackAnswers.Somewhat }),
            Execute(text["FeedbackNo"], HelpRequestVerbs.Feedback, new CardData { RequestId = requestId, Answer = FeedbackAnswers.No }),
        ]);

    /// <summary>
    /// The suggested call starts at the next full half hour at least an hour from now, so
    /// neither is pulled into a meeting at once; Teams lets them change it.
    /// </summary>
    internal DateTimeOffset SuggestedCallStart()
    {
        var earliest = time.GetUtcNow().AddHours(1);
        var halfHours = (long)Math.Ceiling(earliest.UtcTicks / (double)TimeSpan.TicksPerHour * 2);
        return new DateTimeOffset(halfHours * (TimeSpan.TicksPerHour / 2), TimeSpan.Zero);
    }

    // Links need the other person's UPN; without it the card names them and says where to find them.
    private AdaptiveCard Introduction(string summary, List<CardElement> body, string otherName, string? otherUpn, string draft)
    {
        var start = SuggestedCallStart();
        var chat = TeamsLinks.Chat(otherUpn, draft);
        var meeting = TeamsLinks.Meeting(otherUpn, text["CallSubject"], start, CallLength);
        if (chat is null || meeting is null)
        {
            body.Add(Paragraph(text["FindInTeams", MarkdownText.Escape(otherName)]) with { Weight = TextWeight.Bolder });
            body.Add(Subtle(text["IntroPrivacy"]));
            return Card(summary, body);
        }

        body.Add(Subtle(text["CallTimeHint", DateTime(start)]));
        body.Add(Subtle(text["IntroPrivacy"]));
        return Card(summary, body,
        [
            new OpenUrlAction { Title = text["ChatButton", otherName], Url = chat, Style = ActionStyle.Positive },
            new OpenUrlAction { Title = text["CallButton"], Url = meeting },
        ]);
    }

    private FactSet Names(Introduction intro) => new()
    {
        Facts =
        [
            new Fact(text["AskerLabel"], MarkdownText.Escape(intro.AskerName)),
            new Fact(text["HelperLabel"], MarkdownText.Escape(intro.HelperName)),
            new Fact(text["TopicsLabel"], TopicNames(intro.Topics)),
        ],
    };

    private AdaptiveCard Notice(string title, string explained) => CardParts.Notice(text[title], text[explained]);

    private static string TopicNames(IReadOnlyList<string> ids) =>
        string.Join(", ", ids.Select(id => TopicCatalog.Find(id)?.NameIn(CultureInfo.CurrentUICulture)).OfType<string>());
}
