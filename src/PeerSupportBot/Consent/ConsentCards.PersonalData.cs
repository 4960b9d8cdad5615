using System.Globalization;
using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;
using PeerSupportBot.Topics;
using static PeerSupportBot.CardLayout.CardParts;

namespace PeerSupportBot.Consent;

/// <summary>The cards of a person's own data: what is stored, forgetting, withdrawing.</summary>
internal sealed partial class ConsentCards
{
    /// <summary>Everything stored about the person, plainly, including the technical contact ids.</summary>
    public AdaptiveCard MyData(
        string personName,
        Profile? profile,
        ContactLink? contact,
        IReadOnlyList<PersonCohort> cohorts,
        IReadOnlyList<ConsentRecord> log,
        IReadOnlyDictionary<string, string> cohortNames)
    {
        List<CardElement> body = [Heading(text["MyDataTitle"])];
        if (profile is null && contact is null && cohorts.Count == 0 && log.Count == 0)
        {
            body.Add(Paragraph(text["NothingStored", personName]));
            return Card(text["MyDataTitle"], body);
        }

        body.Add(Paragraph(text["MyDataIntro", personName]));
        body.Add(Section(text["ProfileHeading"]));
        body.Add(profile is null ? Subtle(text["NoProfile"]) : new FactSet
        {
            Facts =
            [
                new Fact(text["PersonIdLabel"], profile.PersonKey),
                new Fact(text["NameLabel"], profile.Name),
                new Fact(text["LocaleLabel"], profile.Locale),
                new Fact(text["TopicsLabel"], TopicNames(profile.Topics)),
                new Fact(text["LanguagesLabel"], LanguageNames(profile.Languages)),
                new Fact(text["BreakLabel"], StoredBreak(profile)),
                new Fact(text["MonthlyCapLabel"], CapText(profile.MonthlyCap)),
            ],
        });
        body.Add(Section(text["ContactHeading"]));
        body.Add(contact is null ? Subtle(text["NoContact"]) : new FactSet
        {
            Facts =
            [
                new Fact(text["ServiceUrlLabel"], contact.ServiceUrl),
                new Fact(text["TenantLabel"], OrDash(contact.TenantId)),
                new Fact(text["BotIdLabel"], contact.BotId),
                new Fact(text["UserIdLabel"], contact.UserId),
                new Fact(text["ConversationIdLabel"], OrDash(contact.ConversationId)),
                new Fact(text["UpnLabel"], OrDash(contact.UserPrincipalName)),
                new Fact(text["ReachableLabel"], contact.Unreachable ? text["No"] : text["Yes"]),
                new Fact(text["UpdatedLabel"], DateTime(contact.UpdatedAt)),
            ],
        });
        body.Add(Section(text["CohortsHeading"]));
        body.Add(cohorts.Count == 0 ? Subtle(text["NoCohorts"]) : new FactSet
        {
            Facts = [.. cohorts.Select(cohort => new Fact(cohort.CohortName, text[cohort.Role == CohortRole.Trainer ? "TrainerSince" : "MemberSince", Date(cohort.Since)]))],
        });
        body.Add(Section(text["ConsentLogHeading"]));
        if (log.Count == 0)
        {
            body.Add(Subtle(text["NoConsentLog"]));
        }

        body.AddRange(log.OrderBy(entry => entry.At).Select(entry => LogEntry(entry, cohortNames)));
        body.Add(new TextBlock { Text = text["ForgetHint", text["WordForgetMe"]], Wrap = true, Spacing = Spacing.Large });
        return Card(text["MyDataTitle"], body);
    }

    public AdaptiveCard ConfirmForget() =>
        Card(text["ForgetTitle"],
        [
            Heading(text["ForgetTitle"]),
            Paragraph(text["ForgetExplained"]),
            Paragraph(text["ForgetOpenRequests"]),
            Paragraph(text["CannotBeUndone"]),
        ],
        [
            Execute(text["ForgetButton"], ConsentVerbs.Forget, style: ActionStyle.Destructive),
            Execute(text["KeepDataButton"], ConsentVerbs.KeepData),
        ]);

    public AdaptiveCard Forgotten() =>
        Card(text["ForgottenTitle"], [Heading(text["ForgottenTitle"]), Paragraph(text["ForgottenExplained"])]);

    /// <summary>The press was acknowledged but storage failed part way: the outbox finishes the rest by itself.</summary>
    public AdaptiveCard BeingForgotten() =>
        Card(text["BeingForgottenTitle"], [Heading(text["BeingForgottenTitle"]), Paragraph(text["BeingForgottenExplained"]), Paragraph(text["ForgottenExplained"])]);

    public AdaptiveCard DataKept() =>
        Card(text["DataKeptTitle"], [Heading(text["DataKeptTitle"]), Paragraph(text["DataKeptExplained"])]);

    public AdaptiveCard ConfirmWithdraw() =>
        Card(text["WithdrawTitle"],
        [
            Heading(text["WithdrawTitle"]),
            Paragraph(text["WithdrawExplained"]),
            Subtle(text["WithdrawForgetHint", text["WordForgetMe"]]),
        ],
        [
            Execute(text["WithdrawButton"], ConsentVerbs.WithdrawAll, style: ActionStyle.Destructive),
            Execute(text["KeepConsentButton"], ConsentVerbs.KeepData),
        ]);

    public AdaptiveCard Withdrawn() =>
        Card(text["WithdrawnTitle"], [Heading(text["WithdrawnTitle"]), Paragraph(text["WithdrawnExplained"])]);

    // The break as stored, whether or not it has already ended: my data shows what is stored.
    private string StoredBreak(Profile profile) =>
        profile.PausedUntil is not { } until ? text["BreakNone"]
        : IsIndefinite(profile) ? text["BreakUntilResumed"]
        : text["BreakUntil", Date(until)];

    private Container LogEntry(ConsentRecord entry, IReadOnlyDictionary<string, string> cohortNames) => new()
    {
        Separator = true,
        Items =
        [
            new TextBlock
            {
                Text = DateTime(entry.At) + " · " + entry.Action switch
                {
                    ConsentAction.Given => text["ConsentGiven"],
                    ConsentAction.Changed => text["ConsentChanged"],
                    _ => text["ConsentWithdrawn"],
                },
                Weight = TextWeight.Bolder,
                Wrap = true,
            },
            new FactSet
            {
                Facts =
                [
                    new Fact(text["CohortLabel"], cohortNames.GetValueOrDefault(entry.CohortId) ?? entry.CohortId),
                    new Fact(text["TopicsLabel"], TopicNames(entry.Topics)),
                    new Fact(text["LanguagesLabel"], LanguageNames(entry.Languages)),
                    new Fact(text["ConsentVersionLabel"], entry.ConsentTextVersion),
                ],
            },
        ],
    };

    private static string OrDash(string? value) => string.IsNullOrEmpty(value) ? "–" : value;
}
