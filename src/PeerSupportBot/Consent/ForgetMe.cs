using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Matching;
using PeerSupportBot.Welcome;

namespace PeerSupportBot.Consent;

/// <summary>
/// "Forget me": every row about the person goes, in every table. Their memberships (which carry
/// their load) go first; cohorts they train are deleted (their members are told). Requests they
/// are part of close (the other side is told neutrally) and are deleted; their pair history,
/// 1:1 installation record, contact link, profile and join and ask attempts are deleted; their
/// consent log entries lose the identity. Every step is a delete or an anonymisation that finds
/// its rows from the person's key, so running it again after a failure part way (the outbox
/// job does: <see cref="DurableForgetMe"/>) finishes what is left and changes nothing else.
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
    RequestChanges requestChanges,
    PairHistory pairs)
{
    public async Task ForgetAsync(string personKey, CancellationToken cancellationToken)
    {
        // Memberships first: the matcher reads only the cohorts' member rows, so from here on
        // nobody is suggested this person or can send them a request, while the rest is deleted.
        foreach (var entry in await cohorts.CohortsOfAsync(personKey, cancellationToken))
        {
            if (entry.Role == CohortRole.Trainer && await cohorts.FindAsync(entry.CohortId, cancellationToken) is { } cohort && cohort.TrainerKey == personKey)
            {
                await cohortDeletion.DeleteAsync(cohort, cancellationToken);
            }

            await cohorts.RemoveMemberAsync(entry.CohortId, personKey, cancellationToken);
        }

        // Open requests close next, while the contact links to tell the other side still exist.
        foreach (var requestId in await requests.RequestIdsOfAsync(personKey, cancellationToken))
        {
            await requestChanges.CloseForForgottenPersonAsync(requestId, personKey, cancellationToken);
        }

        await pairs.ForgetAsync(personKey, cancellationToken);

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
