using System.Diagnostics;

namespace PeerSupportBot.Bench;

/// <summary>What one organisation's timed matches cost, one entry per match.</summary>
internal sealed record Measurement(
    Organisation Organisation,
    IReadOnlyList<TimeSpan> Times,
    IReadOnlyList<TimeSpan> StorageTimes,
    IReadOnlyList<long> AllocatedBytes,
    IReadOnlyList<long> Requests)
{
    public TimeSpan Median => Percentile(Times, 0.5);

    public TimeSpan P90 => Percentile(Times, 0.9);

    /// <summary>The median time spent waiting for the table service within one match.</summary>
    public TimeSpan MedianStorage => Percentile(StorageTimes, 0.5);

    /// <summary>The median time of one match outside the table service's requests: the app's own work.</summary>
    public TimeSpan MedianOutsideStorage => Percentile([.. Times.Zip(StorageTimes, (time, storage) => time - storage)], 0.5);

    public double MeanAllocatedBytes => AllocatedBytes.Average();

    public double MeanRequests => Requests.Average();

    /// <summary>True when every match sent the same number of requests, as a deterministic match must.</summary>
    public bool RequestsConstant => Requests.Distinct().Count() == 1;

    /// <summary>Nearest rank: the smallest time that at least this share of the runs did not exceed.</summary>
    private static TimeSpan Percentile(IReadOnlyList<TimeSpan> times, double share)
    {
        var sorted = times.Order().ToList();
        return sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Count) - 1)];
    }
}

/// <summary>
/// Times Matcher.FindAsync for the same asker in each organisation, in one process. After a
/// warm-up (JIT, connection pool, table creation), the runs alternate between the organisations
/// so that whatever else the machine is doing weighs on both alike.
/// </summary>
internal static class MatchBenchmark
{
    public static async Task<IReadOnlyList<Measurement>> RunAsync(IReadOnlyList<Organisation> organisations, BenchPlan plan, CancellationToken cancellationToken)
    {
        foreach (var organisation in organisations)
        {
            for (var run = 0; run < plan.WarmUps; run++)
            {
                await organisation.MatchAsync(cancellationToken);
            }

            organisation.Requests.ResetKinds();
        }

        var results = organisations.ToDictionary(organisation => organisation, _ => (Times: new List<TimeSpan>(), Storage: new List<TimeSpan>(), Bytes: new List<long>(), Requests: new List<long>()));
        for (var run = 0; run < plan.Runs; run++)
        {
            // Alternate which goes first, so neither always follows the other's garbage.
            var order = run % 2 == 0 ? organisations : organisations.Reverse();
            foreach (var organisation in order)
            {
                var (time, storage, bytes, requests) = await MeasureOneAsync(organisation, cancellationToken);
                results[organisation].Times.Add(time);
                results[organisation].Storage.Add(storage);
                results[organisation].Bytes.Add(bytes);
                results[organisation].Requests.Add(requests);
            }
        }

        return [.. organisations.Select(organisation => new Measurement(organisation, results[organisation].Times, results[organisation].Storage, results[organisation].Bytes, results[organisation].Requests))];
    }

    private static async Task<(TimeSpan Time, TimeSpan Storage, long Bytes, long Requests)> MeasureOneAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        // The SDK continues on thread-pool threads, so count the whole process's allocations,
        // not only this thread's; nothing else runs meanwhile.
        var requestsBefore = organisation.Requests.Count;
        var storageBefore = organisation.Requests.Elapsed;
        var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var candidates = await organisation.MatchAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var bytes = GC.GetTotalAllocatedBytes(precise: true) - bytesBefore;
        if (candidates.Count == 0)
        {
            throw new InvalidOperationException($"The {organisation.Label} organisation found nobody: the seeding is wrong, and the timing would mean nothing.");
        }

        return (elapsed, organisation.Requests.Elapsed - storageBefore, bytes, organisation.Requests.Count - requestsBefore);
    }
}
