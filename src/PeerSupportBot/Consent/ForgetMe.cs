using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Matching;
using PeerSupportBot.Welcome;

namespace PeerSupportBot.Consent;

/// <summary>
/// "Forget me": every row about the person goes, in every table. Requests they are part of close
/// (the other side is told neutrally) and are deleted; cohorts they train are deleted (their
/// members are told); their memberships (which carry their load), profile, contact link and pair history, join
/// attempts and 1:1 installation record are deleted; their consent log entries lose the identity.
/// </summary>
internal sealed class ForgetMe(
    CohortStore cohorts,
    CohortDeletion cohortDeletion,
    ProfileStore profiles,
    ContactStore contacts,
    ConsentLog consentLog,
    JoinThrottle throttle,
    Asking.AskThrottle askThrottle,
    InstallationStore installations,
    HelpRequestStore requests,
    RequestChanges requestService,
    PairHistory pairs)
{
    public async Task ForgetAsync(string personKey, CancellationToken cancellationToken)
    {
        // Open requests close first, while the contact links to tell the other side still exist.
        foreach (var requestId in await requests.RequestIdsOfAsync(personKey, cancellationToken))
        {
            await requestService.CloseForForgottenPersonAsync(requestId, personKey, cancellationToken);
        }

        await pairs.ForgetAsync(personKey, cancellationToken);

        foreach (var entry in await cohorts.CohortsOfAsync(personKey, cancellationToken))
        {
            if (entry.Role == CohortRole.Trainer && await cohorts.FindAsync(entry.CohortId, cancellationToken) is { } cohort && cohort.TrainerKey == personKey)
            {
                await cohortDeletion.DeleteAsync(cohort, cancellationToken);
            }

            await cohorts.RemoveMemberAsync(entry.CohortId, personKey, cancellationToken);
        }

        if (await contacts.FindAsync(personKey, cancellationToken) is { ConversationId: { Length: > 0 } conversationId })
        {
            await installations.ForgetAsync(conversationId, cancellationToken);
        }

        await contacts.DeleteAsync(personKey, cancellationToken);
        await profiles.DeleteAsync(personKey, cancellationToken);
        await throttle.ResetAsync(personKey, cancellationToken);
        await askThrottle.ResetAsync(personKey, cancellationToken);
        await consentLog.AnonymizeAsync(personKey, cancellationToken);
    }
}
