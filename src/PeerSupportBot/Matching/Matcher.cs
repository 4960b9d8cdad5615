using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;

namespace PeerSupportBot.Matching;

/// <summary>
/// Finds whom an asker could ask. Reads only the partitions of the asker's own cohorts, then the
/// few candidates' load and contact rows: the cost grows with the asker's cohorts, never with the
/// size of the organisation.
/// </summary>
internal sealed class Matcher(CohortStore cohorts, HelperLoadStore loads, ContactStore contacts, PairHistory pairs, TimeProvider time)
{
    public const int Shown = 3;

    /// <param name="topics">Detected or chosen topics, the main one first.</param>
    /// <param name="askerLanguages">The languages the asker can be helped in.</param>
    /// <param name="exclude">People already asked in this request.</param>
    public async Task<IReadOnlyList<Candidate>> FindAsync(
        string askerKey,
        IReadOnlyList<string> topics,
        IReadOnlyList<string> askerLanguages,
        IReadOnlySet<string> exclude,
        CancellationToken cancellationToken,
        int take = Shown)
    {
        if (topics.Count == 0)
        {
            return [];
        }

        var now = time.GetUtcNow();
        var fitting = new Dictionary<string, (CohortMember Member, List<string> Cohorts)>(StringComparer.Ordinal);
        foreach (var cohort in await cohorts.CohortsOfAsync(askerKey, cancellationToken))
        {
            foreach (var member in await cohorts.MembersAsync(cohort.CohortId, cancellationToken))
            {
                if (member.PersonKey == askerKey || exclude.Contains(member.PersonKey)
                    || !member.Topics.Intersect(topics, StringComparer.Ordinal).Any()
                    || !member.Languages.Intersect(askerLanguages, StringComparer.Ordinal).Any()
                    || member.PausedUntil > now)
                {
                    continue;
                }

                if (fitting.TryGetValue(member.PersonKey, out var known))
                {
                    known.Cohorts.Add(cohort.CohortName);
                }
                else
                {
                    fitting[member.PersonKey] = (member, [cohort.CohortName]);
                }
            }
        }

        // The few reads per colleague go out together: at real storage latency, one after another would add up.
        var lastSuggested = pairs.LastSuggestedAsync(askerKey, cancellationToken);
        var evaluated = await Task.WhenAll(fitting.Select(async pair =>
        {
            var (key, (member, sharedCohorts)) = (pair.Key, pair.Value);
            var load = loads.FindAsync(key, cancellationToken);
            var contact = contacts.FindAsync(key, cancellationToken);
            var helpedBefore = pairs.HelpCountAsync(askerKey, key, cancellationToken);
            await Task.WhenAll(load, contact, helpedBefore);
            // Someone who never opened the bot personally, or removed it, cannot be sent a request.
            if ((await load).RequestsThisMonth >= member.MonthlyCap || (await contact)?.IsReachable != true)
            {
                return null;
            }

            var matching = topics.Where(member.Topics.Contains).ToList();
            return new Candidate(key, member.Name, matching, sharedCohorts, Score(topics, matching, sharedCohorts.Count, await load, await helpedBefore, now));
        }));
        var candidates = evaluated.OfType<Candidate>().ToList();
        var previous = await lastSuggested;

        // Nobody is suggested to the same asker twice in a row while others fit.
        var fresh = candidates.Where(candidate => !previous.Contains(candidate.PersonKey)).ToList();
        return [.. Rank(fresh).Concat(Rank(candidates.Except(fresh))).Take(take)];
    }

    private static IEnumerable<Candidate> Rank(IEnumerable<Candidate> candidates) =>
        candidates.OrderByDescending(candidate => candidate.Score).ThenBy(candidate => candidate.Name, StringComparer.CurrentCulture);

    /// <summary>Topic fit first; then shared cohorts, whoever was asked least recently, and help accepted between the two before.</summary>
    internal static double Score(IReadOnlyList<string> topics, IReadOnlyList<string> matching, int sharedCohorts, HelperLoad load, int helpedBefore, DateTimeOffset now)
    {
        var topicFit = matching.Sum(topic => topic == topics[0] ? 2.0 : 1.0);
        var rested = load.LastAskedAt is { } last ? Math.Min((now - last).TotalDays, 30) / 30 : 1.0;
        return topicFit + (0.5 * (sharedCohorts - 1)) + (0.75 * rested) + (0.5 * Math.Min(helpedBefore, 2));
    }
}
