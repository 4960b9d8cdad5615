using PeerSupportBot.Cohorts;

namespace PeerSupportBot.Matching;

/// <summary>
/// Finds whom an asker could ask. Reads the asker's memberships (one query), each of their
/// cohorts' partitions (one query each: every member row carries topics, languages, pause, cap,
/// this month's count, last asked and reachability) and the asker's pair history (one query), and
/// nothing per candidate: the cost grows with the asker's cohorts, never with their size or the
/// organisation's.
/// </summary>
internal sealed class Matcher(CohortStore cohorts, PairHistory pairs, TimeProvider time)
{
    public const int Shown = 3;

    /// <param name="topics">Detected or chosen topics, the main one first.</param>
    /// <param name="fallbackLanguages">The languages the asker can be helped in when they have no membership of their own (a trainer, say): those chosen as a member win.</param>
    /// <param name="exclude">People already asked in this request.</param>
    /// <param name="memberships">The asker's cohorts, when the caller has read them already.</param>
    /// <param name="pairHistory">The asker's pair history, when the caller started reading it beside the memberships.</param>
    public async Task<IReadOnlyList<Candidate>> FindAsync(
        string askerKey,
        IReadOnlyList<string> topics,
        IReadOnlyList<string> fallbackLanguages,
        IReadOnlySet<string> exclude,
        CancellationToken cancellationToken,
        int take = Shown,
        IReadOnlyList<PersonCohort>? memberships = null,
        Task<PairRecord>? pairHistory = null)
    {
        if (topics.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var history = pairHistory ?? pairs.ReadAsync(askerKey, cancellationToken);
        var asker = memberships ?? await cohorts.CohortsOfAsync(askerKey, cancellationToken);
        // The partitions are read together: at real storage latency, one after another would add up.
        var partitions = await Task.WhenAll(asker.Select(async cohort => (cohort.CohortName, Members: await cohorts.MembersAsync(cohort.CohortId, cancellationToken))));
        var languages = partitions.SelectMany(partition => partition.Members).FirstOrDefault(member => member.PersonKey == askerKey && member.Languages.Count > 0)?.Languages
            ?? fallbackLanguages;

        var fitting = new Dictionary<string, (CohortMember Member, List<string> Cohorts)>(StringComparer.Ordinal);
        foreach (var (cohortName, members) in partitions)
        {
            foreach (var member in members)
            {
                // Someone who never opened the bot personally, or removed it, cannot be sent a request.
                if (member.PersonKey == askerKey || exclude.Contains(member.PersonKey)
                    || !member.Topics.Intersect(topics, StringComparer.Ordinal).Any()
                    || !member.Languages.Intersect(languages, StringComparer.Ordinal).Any()
                    || member.PausedUntil > now
                    || !member.Reachable
                    || member.Load.CountIn(now) >= member.MonthlyCap)
                {
                    continue;
                }

                if (fitting.TryGetValue(member.PersonKey, out var known))
                {
                    known.Cohorts.Add(cohortName);
                }
                else
                {
                    fitting[member.PersonKey] = (member, [cohortName]);
                }
            }
        }

        var record = await history;
        var candidates = fitting.Select(pair =>
        {
            var (member, sharedCohorts) = pair.Value;
            var matching = topics.Where(member.Topics.Contains).ToList();
            return new Candidate(pair.Key, member.Name, matching, sharedCohorts, Score(topics, matching, sharedCohorts.Count, member.Load, record.HelpCountWith(pair.Key), now));
        }).ToList();

        // Nobody is suggested to the same asker twice in a row while others fit.
        var fresh = candidates.Where(candidate => !record.LastSuggested.Contains(candidate.PersonKey)).ToList();
        return [.. Rank(fresh).Concat(Rank(candidates.Except(fresh))).Take(take)];
    }

    private static IEnumerable<Candidate> Rank(IEnumerable<Candidate> candidates) =>
        candidates.OrderByDescending(candidate => candidate.Score).ThenBy(candidate => candidate.Name, StringComparer.CurrentCulture);

    /// <summary>Topic fit first; then shared cohorts, whoever was asked least recently, and help accepted between the two before.</summary>
    internal static double Score(IReadOnlyList<string> topics, IReadOnlyList<string> matching, int sharedCohorts, MemberLoad load, int helpedBefore, DateTimeOffset now)
    {
        var topicFit = matching.Sum(topic => topic == topics[0] ? 2.0 : 1.0);
        var rested = load.LastAskedAt is { } last ? Math.Min((now - last).TotalDays, 30) / 30 : 1.0;
        return topicFit + (0.5 * (sharedCohorts - 1)) + (0.75 * rested) + (0.5 * Math.Min(helpedBefore, 2));
    }
}
