using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;

namespace PeerSupportBot.Consent;

/// <summary>Leaving cohorts: consent for each is withdrawn in the log; with none left, profile and contact go too.</summary>
internal sealed class Leaving(CohortStore cohorts, ProfileStore profiles, ContactStore contacts, ConsentLog consentLog)
{
    /// <summary>False when the person was not a member of the cohort.</summary>
    public async Task<bool> LeaveAsync(string personKey, string cohortId, CancellationToken cancellationToken)
    {
        if (!await cohorts.RemoveMemberAsync(cohortId, personKey, cancellationToken))
        {
            return false;
        }

        await consentLog.AppendAsync(personKey, cohortId, ConsentAction.Withdrawn, [], [], cancellationToken);
        await DropProfileWhenNoMembershipsAsync(personKey, cancellationToken);
        return true;
    }

    public async Task LeaveAllAsync(string personKey, CancellationToken cancellationToken)
    {
        foreach (var entry in (await cohorts.CohortsOfAsync(personKey, cancellationToken)).Where(entry => entry.Role == CohortRole.Member))
        {
            await LeaveAsync(personKey, entry.CohortId, cancellationToken);
        }

        await DropProfileWhenNoMembershipsAsync(personKey, cancellationToken);
    }

    private async Task DropProfileWhenNoMembershipsAsync(string personKey, CancellationToken cancellationToken)
    {
        if ((await cohorts.CohortsOfAsync(personKey, cancellationToken)).All(entry => entry.Role != CohortRole.Member))
        {
            await profiles.DeleteAsync(personKey, cancellationToken);
            await contacts.DeleteAsync(personKey, cancellationToken);
        }
    }
}
