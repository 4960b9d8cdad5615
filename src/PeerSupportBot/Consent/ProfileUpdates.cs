using PeerSupportBot.Cohorts;

namespace PeerSupportBot.Consent;

/// <summary>
/// Read, change, write with the ETag; on a conflict read again and reapply, so two quick clicks
/// or two bot instances never lose a change. Memberships get the new values at once.
/// </summary>
internal sealed class ProfileUpdates(ProfileStore profiles, CohortStore cohorts)
{
    public async Task<Profile?> UpdateAsync(string personKey, Func<Profile, Profile> change, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = await profiles.FindAsync(personKey, cancellationToken);
            if (current is null)
            {
                return null;
            }

            if (await profiles.SaveAsync(change(current), cancellationToken) is { } saved)
            {
                await cohorts.UpdateMembershipsAsync(saved, cancellationToken);
                return saved;
            }
        }

        throw new InvalidOperationException("The profile kept changing while it was being saved.");
    }
}
