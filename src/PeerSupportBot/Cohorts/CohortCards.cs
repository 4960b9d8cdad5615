using System.Globalization;
using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.Conversation;
using PeerSupportBot.Topics;
using static PeerSupportBot.CardLayout.CardParts;

namespace PeerSupportBot.Cohorts;

/// <summary>
/// The cards of cohorts and invitations, in the current UI culture. Cards shown to a trainer say
/// who belongs to a cohort and what they offer, and never anything about requests or activity.
/// </summary>
internal sealed class CohortCards(IStringLocalizer<CohortText> text)
{
    public const int MaxNameLength = 60;

    public AdaptiveCard CreateForm(string? suggestedName, bool postHere, string? error = null)
    {
        List<CardElement> body = [Heading(text["CreateTitle"]), Paragraph(text["CreateIntro"])];
        if (error is not null)
        {
            body.Add(Error(error));
        }

        body.Add(new TextInput
        {
            Id = "name",
            Label = text["NameLabel"],
            Placeholder = text["NamePlaceholder"],
            MaxLength = MaxNameLength,
            IsRequired = true,
            ErrorMessage = text["NameEmpty"],
            Value = suggestedName,
        });
        body.Add(new DateInput { Id = "endsOn", Label = text["EndsOnLabel"] });
        return Card(text["CreateTitle"], body, [Execute(text["CreateButton"], CohortVerbs.Create, new CardData { PostHere = postHere }, ActionStyle.Positive)]);
    }

    /// <summary>
    /// The invitation. Posted by "invite" in a course chat the code is unknown (only its hash is
    /// stored): then the Join button works because the invitation was posted in that chat.
    /// </summary>
    public AdaptiveCard Invitation(Cohort cohort, string? code)
    {
        var heading = text["InvitationTitle", cohort.Name];
        List<CardElement> body =
        [
            Heading(text["InvitationTitle", MarkdownText.Escape(cohort.Name)]),
            new FactSet { Facts = [new Fact(text["TrainerLabel"], MarkdownText.Escape(cohort.TrainerName))] },
            Paragraph(text["InvitationIntro"]),
            Bullets(text["InvitationPrivateTopics"], text["InvitationConsentPrivately"], text["InvitationNothingPostedHere"], text["InvitationWithdraw"]),
        ];
        if (code is not null)
        {
            body.Add(Subtle(text["InvitationOrWrite", code]));
        }

        return Card(heading, body, [Execute(text["JoinButton"], CohortVerbs.Join, new CardData { CohortId = cohort.Id, Code = code }, ActionStyle.Positive)]);
    }

    public AdaptiveCard Created(Cohort cohort, string code) =>
        Card(text["CreatedTitle", cohort.Name],
        [
            Heading(text["CreatedTitle", MarkdownText.Escape(cohort.Name)]),
            Paragraph(text["CreatedYouAreTrainer"]),
            Code(code),
            Subtle(text["CodeShownOnce"]),
            Section(text["HowToInviteHeading"]),
            Bullets(text["HowToInviteMention"], text["HowToInviteForward"], text["HowToInviteCode", code]),
        ]);

    public AdaptiveCard JoinContinuesPrivately(Cohort cohort) =>
        Card(text["JoinContinuesTitle"],
        [
            Heading(text["JoinContinuesTitle"]),
            Paragraph(text["JoinContinuesPrivately", MarkdownText.Escape(cohort.Name)]),
            Subtle(text["InvitationNothingPostedHere"]),
        ]);

    public AdaptiveCard PickCohortToInvite(IReadOnlyList<Cohort> cohorts) =>
        Card(text["PickCohortTitle"],
        [
            Heading(text["PickCohortTitle"]),
            new ChoiceSetInput
            {
                Id = "cohortChoice",
                Label = text["PickCohortLabel"],
                Style = ChoiceInputStyle.Compact,
                IsRequired = true,
                ErrorMessage = text["PickCohortError"],
                Choices = [.. cohorts.Select(cohort => new Choice(cohort.Name, cohort.Id))],
                Value = cohorts.Count > 0 ? cohorts[0].Id : null,
            },
        ],
        [Execute(text["PostInvitationButton"], CohortVerbs.Invite, style: ActionStyle.Positive)]);

    /// <param name="cohorts">Every cohort the person trains or belongs to.</param>
    /// <param name="trained">The cohorts the person trains, by id: they say which are closed.</param>
    public AdaptiveCard MyCohorts(IReadOnlyList<PersonCohort> cohorts, IReadOnlyDictionary<string, Cohort> trained)
    {
        List<CardElement> body = [Heading(text["MyCohortsTitle"])];
        var training = cohorts.Where(cohort => cohort.Role == CohortRole.Trainer).ToList();
        var belonging = cohorts.Where(cohort => cohort.Role == CohortRole.Member).ToList();
        if (training.Count == 0 && belonging.Count == 0)
        {
            body.Add(Paragraph(text["NoCohortsYet"]));
            body.Add(Bullets(text["NoCohortsCreate"], text["NoCohortsJoin"]));
            return Card(text["MyCohortsTitle"], body);
        }

        if (training.Count > 0)
        {
            body.Add(Section(text["CohortsYouTrain"]));
            body.AddRange(training.Select(cohort => TrainedCohort(cohort, trained.GetValueOrDefault(cohort.CohortId))));
        }

        if (belonging.Count > 0)
        {
            body.Add(Section(text["CohortsYouBelongTo"]));
            body.AddRange(belonging.Select(MemberCohort));
        }

        return Card(text["MyCohortsTitle"], body);
    }

    /// <param name="unreachable">Members the bot cannot write to yet: shown, so the trainer can ask them to open the bot.</param>
    public AdaptiveCard Members(Cohort cohort, IReadOnlyList<CohortMember> members, IReadOnlySet<string>? unreachable = null)
    {
        List<CardElement> body =
        [
            Heading(text["MembersTitle", MarkdownText.Escape(cohort.Name)]),
            Subtle(text["MembersCount", members.Count]),
        ];
        if (members.Count == 0)
        {
            body.Add(Paragraph(text["NoMembersYet"]));
        }

        body.AddRange(members.Select(member => Member(cohort, member, unreachable?.Contains(member.PersonKey) == true)));
        body.Add(new TextBlock { Text = text["MembersOnlyMembership"], Wrap = true, IsSubtle = true, Spacing = Spacing.Large });
        return Card(text["MembersTitle", cohort.Name], body);
    }

    public AdaptiveCard ConfirmDelete(Cohort cohort) =>
        Card(text["ConfirmDeleteTitle", cohort.Name],
        [
            Heading(text["ConfirmDeleteTitle", MarkdownText.Escape(cohort.Name)]),
            Paragraph(text["ConfirmDeleteExplained"]),
            Paragraph(text["ConfirmDeleteFinal"]),
        ],
        [
            Execute(text["DeleteConfirmButton"], CohortVerbs.DeleteConfirmed, new CardData { CohortId = cohort.Id }, ActionStyle.Destructive),
            ExecuteWithoutInputs(text["KeepCohortButton"], CohortVerbs.Members, new CardData { CohortId = cohort.Id }),
        ]);

    public AdaptiveCard CodeRotated(Cohort cohort, string code) =>
        Card(text["CodeRotatedTitle"],
        [
            Heading(text["CodeRotatedTitle"]),
            Paragraph(text["CohortLine", MarkdownText.Escape(cohort.Name)]),
            Code(code),
            Subtle(text["CodeShownOnce"]),
            Paragraph(text["CodeRotatedOldInvalid"]),
        ]);

    public AdaptiveCard ClosedNotice(Cohort cohort) =>
        Card(text["ClosedTitle", cohort.Name],
        [
            Heading(text["ClosedTitle", MarkdownText.Escape(cohort.Name)]),
            Paragraph(text["ClosedExplained"]),
        ]);

    public AdaptiveCard Deleted(string cohortName) =>
        Card(text["DeletedTitle", MarkdownText.Escape(cohortName)], [Heading(text["DeletedTitle", MarkdownText.Escape(cohortName)]), Paragraph(text["DeletedExplained"])]);

    public AdaptiveCard MemberRemoved(string cohortName, string memberName) =>
        Card(text["MemberRemovedTitle", cohortName, memberName],
        [
            Heading(text["MemberRemovedTitle", MarkdownText.Escape(cohortName), MarkdownText.Escape(memberName)]),
            Paragraph(text["MemberRemovedExplained"]),
        ]);

    public AdaptiveCard Left(string cohortName) =>
        Card(text["LeftTitle", MarkdownText.Escape(cohortName)], [Heading(text["LeftTitle", MarkdownText.Escape(cohortName)]), Paragraph(text["LeftExplained"])]);

    private Container TrainedCohort(PersonCohort cohort, Cohort? details)
    {
        var closed = details?.Closed == true;
        var state = closed ? text["TrainedClosedState", Date(cohort.Since)] : text["TrainedOpenState", Date(cohort.Since)];
        var data = new CardData { CohortId = cohort.CohortId };
        List<CardAction> actions =
        [
            Execute(text["MembersButton"], CohortVerbs.Members, data),
            Execute(text["NewCodeButton"], CohortVerbs.RotateCode, data),
        ];
        if (!closed)
        {
            actions.Add(Execute(text["CloseButton"], CohortVerbs.Close, data));
        }

        actions.Add(Execute(text["DeleteButton"], CohortVerbs.Delete, data, ActionStyle.Destructive));
        return new Container
        {
            Separator = true,
            Items = [Paragraph(MarkdownText.Escape(cohort.CohortName)) with { Weight = TextWeight.Bolder }, Subtle(state), new ActionSet { Actions = actions }],
        };
    }

    private Container MemberCohort(PersonCohort cohort) => new()
    {
        Separator = true,
        Items =
        [
            Paragraph(MarkdownText.Escape(cohort.CohortName)) with { Weight = TextWeight.Bolder },
            Subtle(text["JoinedOn", Date(cohort.Since)]),
            new ActionSet { Actions = [Execute(text["LeaveButton"], Consent.ConsentVerbs.Leave, new CardData { CohortId = cohort.CohortId })] },
        ],
    };

    private Container Member(Cohort cohort, CohortMember member, bool unreachable)
    {
        var topics = member.Topics.Select(id => TopicCatalog.Find(id)?.NameIn(CultureInfo.CurrentUICulture)).OfType<string>().ToList();
        return new Container
        {
            Separator = true,
            Items =
            [
                Paragraph(MarkdownText.Escape(member.Name)) with { Weight = TextWeight.Bolder },
                Subtle(text["JoinedOn", Date(member.JoinedAt)]),
                .. unreachable ? [new TextBlock { Text = text["MemberNotYetReachable"], Wrap = true, Color = TextColor.Warning, Spacing = Spacing.None }] : Array.Empty<CardElement>(),
                Paragraph(topics.Count > 0 ? text["OffersTopics", string.Join(", ", topics)] : text["OffersNoTopics"]),
                new ActionSet
                {
                    Actions = [Execute(text["RemoveMemberButton"], CohortVerbs.RemoveMember, new CardData { CohortId = cohort.Id, MemberKey = member.PersonKey }, ActionStyle.Destructive)],
                },
            ],
        };
    }
}
