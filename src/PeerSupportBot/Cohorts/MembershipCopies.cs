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
    /// <summary>Twenty jittered tries outlast a burst of a hundred cards to one helper from two instances (the scale-out test).</summary>
    private const int CountAttempts = 20;

    private const string MembersTable = "CohortMembers";

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

    /// <summary>
    /// One more request received this month, on every membership: the monthly cap holds whichever cohort asks next.
    /// Many cards to one helper can be delivered at once (by several instances), each counting on the
    /// same rows, so a count tries more often than other changes before it gives up. A request counts
    /// once on each row, however often its delivery is finished.
    /// </summary>
    public async Task RecordAskedAsync(string personKey, string requestId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var cohortId in await MembershipsOfAsync(personKey, cancellationToken))
        {
            await ChangeAsync(cohortId, personKey, row =>
            {
                if (CountedRequests.Contains(row.CountedRequests, requestId))
                {
                    return false;
                }

                var month = MemberLoad.MonthOf(now);
                row.AskedInMonth = (row.LoadMonth == month ? row.AskedInMonth : 0) + 1;
                row.LoadMonth = month;
                row.LastAskedAt = now;
                row.CountedRequests = CountedRequests.With(row.CountedRequests, requestId);
                return true;
            }, cancellationToken, CountAttempts);
        }
    }

    /// <summary>
    /// Reads the row, lets <paramref name="change"/> alter it (false: nothing to write), and
    /// writes it back conditional on its ETag, reading again after a lost race. False when the
    /// row does not exist (the person left meanwhile): nothing is written then.
    /// </summary>
    public async Task<bool> ChangeAsync(string cohortId, string personKey, Func<CohortMemberEntity, bool> change, CancellationToken cancellationToken, int maxAttempts = ReadChangeWrite.MaxAttempts)
    {
        var members = await tables.GetAsync(MembersTable, cancellationToken);
        return await ReadChangeWrite.RunAsync(async token =>
        {
            var existing = await members.GetEntityIfExistsAsync<CohortMemberEntity>(cohortId, TableKeys.Encode(personKey), cancellationToken: token);
            if (!existing.HasValue)
            {
                return WriteAttempt<bool>.Settled(false);
            }

            var row = existing.Value!;
            if (!change(row))
            {
                return WriteAttempt<bool>.Settled(true);
            }

            // A lost race (412) or a row removed meanwhile (404) reads again, and stops if it is gone.
            row.Shape = CohortMemberEntity.CurrentShape;
            await members.UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace, token);
            return WriteAttempt<bool>.Settled(true);
        }, keptLosing: () => throw new InvalidOperationException("A membership kept changing while its availability was being copied."), cancellationToken, maxAttempts);
    }

    private async Task<IEnumerable<string>> MembershipsOfAsync(string personKey, CancellationToken cancellationToken) =>
        (await cohorts.CohortsOfAsync(personKey, cancellationToken)).Where(entry => entry.Role == CohortRole.Member).Select(entry => entry.CohortId);
}
