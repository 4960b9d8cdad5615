using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;
using PeerSupportBot.Topics;

namespace PeerSupportBot.Consent;

/// <summary>
/// "I agree and join": the first moment anything about the person is stored. The card's ticket
/// proves the join was allowed; the choices are checked against the taxonomy. It may be pressed in
/// a course chat, by someone the bot cannot yet write to privately.
/// </summary>
internal sealed class GiveConsentAction(
    CohortStore cohorts,
    JoinTickets tickets,
    ProfileStore profiles,
    ProfileUpdates profileUpdates,
    ConsentLog consentLog,
    ContactRefresher contacts,
    ConsentCards cards,
    IStringLocalizer<CohortText> cohortText,
    IStringLocalizer<ConsentText> text) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        var turn = invocation.Turn;
        var data = invocation.Data;
        if (Participant.From(turn.Activity) is not { } person)
        {
            return Refusals.Card(cohortText["UnknownAction"]);
        }

        var cohort = await cohorts.FindAsync(data.CohortId, cancellationToken);
        if (cohort is null || !await tickets.IsValidAsync(data.Code, cohort.Id, cancellationToken))
        {
            return Refusals.Card(cohortText["UnknownCode"]);
        }

        if (cohort.Closed)
        {
            return Refusals.Card(cohortText["ClosedCohort"]);
        }

        if (await cohorts.IsMemberAsync(cohort.Id, person.Key, cancellationToken))
        {
            return Refusals.Card(cohortText["AlreadyMember"]);
        }

        var topics = TopicCatalog.Known(CardData.SplitChoices(data.Topics));
        var languages = HelpLanguages.Known(CardData.SplitChoices(data.Languages));
        var existing = await profiles.FindAsync(person.Key, cancellationToken);
        if (topics.Count == 0 || languages.Count == 0)
        {
            var error = topics.Count == 0 ? text["NoTopicsChosen"] : text["NoLanguagesChosen"];
            return AdaptiveCardResponses.Card(cards.ConsentRequest(cohort, data.Code!, existing, error));
        }

        var profile = await SaveProfileAsync(person, invocation.Language.Name, topics, languages, cancellationToken);
        // In a course chat (the bot could not write to them privately) the link waits for them to open the bot.
        var contact = Conversations.IsPersonal(turn.Activity)
            ? await contacts.CaptureAsync(turn, person.Key, cancellationToken)
            : await contacts.CaptureFromGroupAsync(turn, person.Key, cancellationToken);
        if (!await cohorts.AddMemberAsync(cohort, profile, contact.IsReachable, cancellationToken))
        {
            return Refusals.Card(cohortText["AlreadyMember"]);
        }

        await consentLog.AppendAsync(person.Key, cohort.Id, ConsentAction.Given, topics, languages, cancellationToken);
        await tickets.RedeemAsync(data.Code!, cancellationToken);
        return AdaptiveCardResponses.Card(cards.Joined(cohort, profile, contact.Unreachable ? PrivateChat.OpenLink(turn.Activity) : null));
    }

    private async Task<Profile> SaveProfileAsync(Participant person, string locale, IReadOnlyList<string> topics, IReadOnlyList<string> languages, CancellationToken cancellationToken)
    {
        var created = await profiles.SaveAsync(new Profile(person.Key, person.Name, locale, topics, languages, null, Profile.DefaultMonthlyCap, ""), cancellationToken);
        return created
            ?? await profileUpdates.UpdateAsync(person.Key, profile => profile with { Name = person.Name, Locale = locale, Topics = topics, Languages = languages }, cancellationToken)
            ?? throw new InvalidOperationException("The profile vanished while consent was being saved.");
    }
}

/// <summary>"Not now": nothing was stored, and the ticket is dropped.</summary>
internal sealed class DeclineConsentAction(CohortStore cohorts, JoinTickets tickets, ConsentCards cards, IStringLocalizer<CohortText> cohortText) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        var cohort = await cohorts.FindAsync(invocation.Data.CohortId, cancellationToken);
        if (cohort is null)
        {
            return Refusals.Card(cohortText["UnknownCode"]);
        }

        if (await tickets.IsValidAsync(invocation.Data.Code, cohort.Id, cancellationToken))
        {
            await tickets.RedeemAsync(invocation.Data.Code!, cancellationToken);
        }

        return AdaptiveCardResponses.Card(cards.Declined(cohort.Name));
    }
}
