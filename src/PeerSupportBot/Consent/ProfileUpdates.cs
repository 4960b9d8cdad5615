using PeerSupportBot.Cohorts;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Consent;

/// <summary>
/// Read, change, write with the ETag; on a conflict read again and reapply, so two quick clicks
/// or two bot instances never lose a change. Memberships get the new values at once.
/// </summary>
internal sealed class ProfileUpdates(ProfileStore profiles, CohortStore cohorts)
{
    public async Task<Profile?> UpdateAsync(string personKey, Func<Profile, Profile> change, CancellationToken cancellationToken)
    {
        var saved = await ReadChangeWrite.RunAsync(async token =>
        {
            if (await profiles.FindAsync(personKey, token) is not { } current)
            {
                return WriteAttempt<Profile?>.Settled(null);
            }

            return await profiles.SaveAsync(change(current), token) is { } written
                ? WriteAttempt<Profile?>.Settled(written)
                : WriteAttempt<Profile?>.Lost();
        }, keptLosing: () => throw new InvalidOperationException("The profile kept changing while it was being saved."), cancellationToken);

        if (saved is not null)
        {
            await cohorts.UpdateMembershipsAsync(saved, cancellationToken);
        }

        return saved;
    }
}
