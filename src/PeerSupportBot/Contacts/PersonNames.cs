using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;

namespace PeerSupportBot.Contacts;

/// <summary>
/// A person's display name, from where it is already kept with their consent (their profile, or
/// a cohort they train), so that request rows need hold only ids.
/// </summary>
internal sealed class PersonNames(ProfileStore profiles, CohortStore cohorts)
{
    public async Task<string> OfAsync(string personKey, CancellationToken cancellationToken)
    {
        if (await profiles.FindAsync(personKey, cancellationToken) is { Name.Length: > 0 } profile)
        {
            return profile.Name;
        }

        foreach (var entry in await cohorts.CohortsOfAsync(personKey, cancellationToken))
        {
            if (entry.Role == CohortRole.Trainer && await cohorts.FindAsync(entry.CohortId, cancellationToken) is { TrainerKey: var trainer } cohort && trainer == personKey)
            {
                return cohort.TrainerName;
            }
        }

        return "";
    }
}
