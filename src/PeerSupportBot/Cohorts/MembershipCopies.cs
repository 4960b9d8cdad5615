using Azure;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Cohorts;

/// <summary>
/// A person's availability is copied onto each of their CohortMembers rows (one per cohort), so
/// that matching reads a cohort's partition and nothing per candidate. This keeps every copy
/// current: each change reads the row and writes it back only if nobody wrote in between (its
/// ETag), and never creates a row, so a copy can never bring back someone who left.
/// </summary>
internal sealed class MembershipCopies(Tables tables, CohortStore cohorts, TimeProvider time)
{
    private const string MembersTable = "CohortMembers";
    private const int Attempts = 5;

    /// <summary>Copies whether the bot can reach them onto every membership; called before the change is answered.</summary>
    public async Task SetReachableAsync(string personKey, bool reachable, CancellationToken cancellationToken)
    {
        foreach (var cohortId in await MembershipsOfAsync(personKey, cancellationToken))
        {
            await ChangeAsync(cohortId, personKey, row =>
            {
                if (row.Reachable == reachable && row.Shape == CohortMemberEntity.CurrentShape)
                {
                    return false;
                }

                row.Reachable = reachable;
                return true;
            }, cancellationToken);
        }
    }

    /// <summary>One more request received this month, on every membership: the monthly cap holds whichever cohort asks next.</summary>
    public async Task RecordAskedAsync(string personKey, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var cohortId in await MembershipsOfAsync(personKey, cancellationToken))
        {
            await ChangeAsync(cohortId, personKey, row =>
            {
                var month = MemberLoad.MonthOf(now);
                row.AskedInMonth = (row.LoadMonth == month ? row.AskedInMonth : 0) + 1;
                row.LoadMonth = month;
                row.LastAskedAt = now;
                return true;
            }, cancellationToken);
        }
    }

    /// <summary>
    /// Reads the row, lets <paramref name="change"/> alter it (false: nothing to write), and
    /// writes it back conditional on its ETag, reading again after a lost race. False when the
    /// row does not exist (the person left meanwhile): nothing is written then.
    /// </summary>
    public async Task<bool> ChangeAsync(string cohortId, string personKey, Func<CohortMemberEntity, bool> change, CancellationToken cancellationToken)
    {
        var members = await tables.GetAsync(MembersTable, cancellationToken);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var existing = await members.GetEntityIfExistsAsync<CohortMemberEntity>(cohortId, TableKeys.Encode(personKey), cancellationToken: cancellationToken);
            if (!existing.HasValue)
            {
                return false;
            }

            var row = existing.Value!;
            if (!change(row))
            {
                return true;
            }

            row.Shape = CohortMemberEntity.CurrentShape;
            try
            {
                await members.UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status is 412 or 404)
            {
                // Changed or removed meanwhile: read again, and stop if it is gone.
            }
        }

        throw new InvalidOperationException("A membership kept changing while its availability was being copied.");
    }

    private async Task<IEnumerable<string>> MembershipsOfAsync(string personKey, CancellationToken cancellationToken) =>
        (await cohorts.CohortsOfAsync(personKey, cancellationToken)).Where(entry => entry.Role == CohortRole.Member).Select(entry => entry.CohortId);
}
