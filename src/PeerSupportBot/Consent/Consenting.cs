using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;
using PeerSupportBot.Storage;
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
    ContactStore contactStore,
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

        // Several tables change; if one write fails, those before it are taken back (see Undo).
        var undo = new Undo();
        try
        {
            var profile = await SaveProfileAsync(person, invocation.Language.Name, topics, languages, existing, undo, cancellationToken);
            var previousContact = await contactStore.FindAsync(person.Key, cancellationToken);
            // Before the capture: saving a link writes the contact and then copies it onto each membership.
            undo.Add(token => previousContact is null ? contactStore.DeleteAsync(person.Key, token) : contactStore.SaveAsync(previousContact, token));
            // In a course chat (the bot could not write to them privately) the link waits for them to open the bot.
            var contact = Conversations.IsPersonal(turn.Activity)
                ? await contacts.CaptureAsync(turn, person.Key, cancellationToken)
                : await contacts.CaptureFromGroupAsync(turn, person.Key, cancellationToken);
            if (!await AddMemberAsync(cohort, profile, contact.IsReachable, undo, cancellationToken))
            {
                await undo.RunAsync();
                return Refusals.Card(cohortText["AlreadyMember"]);
            }

            var entry = await consentLog.AppendAsync(person.Key, cohort.Id, ConsentAction.Given, topics, languages, cancellationToken);
            undo.Add(token => consentLog.TakeBackAsync(person.Key, entry, token));
            await tickets.RedeemAsync(data.Code!, cancellationToken);
            return AdaptiveCardResponses.Card(cards.Joined(cohort, profile, contact.Unreachable ? PrivateChat.OpenLink(turn.Activity) : null));
        }
        catch
        {
            await undo.RunAsync();
            throw;
        }
    }

    private async Task<Profile> SaveProfileAsync(Participant person, string locale, IReadOnlyList<string> topics, IReadOnlyList<string> languages, Profile? existing, Undo undo, CancellationToken cancellationToken)
    {
        if (await profiles.SaveAsync(new Profile(person.Key, person.Name, locale, topics, languages, null, Profile.DefaultMonthlyCap, ""), cancellationToken) is { } created)
        {
            undo.Add(token => profiles.DeleteAsync(person.Key, token));
            return created;
        }

        // Before the update: it writes the profile and then each membership, and may stop between them.
        if (existing is not null)
        {
            undo.Add(token => profileUpdates.UpdateAsync(person.Key, current => existing with { Version = current.Version }, token));
        }

        return await profileUpdates.UpdateAsync(person.Key, profile => profile with { Name = person.Name, Locale = locale, Topics = topics, Languages = languages }, cancellationToken)
            ?? throw new InvalidOperationException("The profile vanished while consent was being saved.");
    }

    // A membership is two rows; when the second cannot be written the first is taken back too.
    private async Task<bool> AddMemberAsync(Cohort cohort, Profile profile, bool reachable, Undo undo, CancellationToken cancellationToken)
    {
        bool added;
        try
        {
            added = await cohorts.AddMemberAsync(cohort, profile, reachable, cancellationToken);
        }
        catch
        {
            undo.Add(token => cohorts.RemoveMemberAsync(cohort.Id, profile.PersonKey, token));
            throw;
        }

        if (added)
        {
            undo.Add(token => cohorts.RemoveMemberAsync(cohort.Id, profile.PersonKey, token));
        }

        return added;
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
