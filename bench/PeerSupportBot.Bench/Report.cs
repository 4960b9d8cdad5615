using System.Globalization;

namespace PeerSupportBot.Bench;

/// <summary>The table, the ratios large/baseline, and whether the cost stayed independent of the organisation's size.</summary>
internal static class Report
{
    /// <summary>1 (the asker's memberships) + 1 (the one cohort's partition) + 1 (the asker's pair history), with nothing per candidate.</summary>
    public const int ExpectedRequests = 3;

    public static bool Print(Measurement baseline, Measurement large, TextWriter output)
    {
        output.WriteLine(Row("organisation", "cohorts", "people", "median ms", "p90 ms", "storage ms", "app ms", "KB/match", "requests/match"));
        foreach (var measurement in new[] { baseline, large })
        {
            var organisation = measurement.Organisation;
            output.WriteLine(Row(
                organisation.Label,
                Invariant(organisation.Cohorts),
                Invariant(organisation.People),
                Milliseconds(measurement.Median),
                Milliseconds(measurement.P90),
                Milliseconds(measurement.MedianStorage),
                Milliseconds(measurement.MedianOutsideStorage),
                (measurement.MeanAllocatedBytes / 1024).ToString("F1", CultureInfo.InvariantCulture),
                measurement.RequestsConstant
                    ? Invariant(measurement.Requests[0])
                    : string.Create(CultureInfo.InvariantCulture, $"{measurement.Requests.Min()}..{measurement.Requests.Max()}")));
        }

        output.WriteLine();
        PrintRequestKinds(baseline, large, output);

        var timeRatio = large.Median / baseline.Median;
        var appTimeRatio = large.MedianOutsideStorage / baseline.MedianOutsideStorage;
        var allocationRatio = large.MeanAllocatedBytes / baseline.MeanAllocatedBytes;
        var requestRatio = large.MeanRequests / baseline.MeanRequests;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"large/baseline: people {(double)large.Organisation.People / baseline.Organisation.People:F1}x, time (median) {timeRatio:F2}, time outside storage {appTimeRatio:F2}, allocations {allocationRatio:F2}, requests {requestRatio:F2}"));

        var failures = new List<string>();
        if (!baseline.RequestsConstant || !large.RequestsConstant)
        {
            failures.Add("the number of requests varied between matches of the same organisation");
        }

        if (baseline.Requests.Concat(large.Requests).Any(requests => requests != ExpectedRequests))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"a match sent {baseline.Requests.Concat(large.Requests).Max()} requests where it should send {ExpectedRequests}: the asker's memberships, their one cohort's partition and their pair history"));
        }

        if (requestRatio != 1.0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"a match in the large organisation sent {requestRatio:F2}x the requests (target 1.00)"));
        }

        // Times and allocations are reported, never judged: on a shared two-core machine a timing
        // ratio fails at random (1.59x in one of two fresh-clone runs), and Azurite scans a table
        // for a partition query where Table Storage's indexes do not (docs/benchmarks.md). What
        // is judged is deterministic: the same requests for every match, whatever the organisation.
        output.WriteLine(failures.Count == 0
            ? "PASS: a match sends the same requests whatever the organisation's size (times above are reported, not judged)."
            : "FAIL: " + string.Join("; ", failures) + ".");
        return failures.Count == 0;
    }

    /// <summary>Per kind of request: how many a match sends, and how long one takes, in each organisation.</summary>
    private static void PrintRequestKinds(Measurement baseline, Measurement large, TextWriter output)
    {
        output.WriteLine(Row("request", "baseline n", "ms each", "large n", "ms each"));
        var kinds = baseline.Organisation.Requests.Kinds.Keys.Union(large.Organisation.Requests.Kinds.Keys).Order(StringComparer.Ordinal);
        foreach (var kind in kinds)
        {
            output.WriteLine(Row([kind, .. Cells(baseline, kind), .. Cells(large, kind)]));
        }
    }

    private static string[] Cells(Measurement measurement, string kind)
    {
        if (!measurement.Organisation.Requests.Kinds.TryGetValue(kind, out var requests) || requests.Count == 0)
        {
            return ["0", "-"];
        }

        var perMatch = (double)requests.Count / measurement.Times.Count;
        return [perMatch.ToString("F1", CultureInfo.InvariantCulture), Milliseconds(requests.Elapsed / requests.Count)];
    }

    private static string Row(params string[] cells) =>
        string.Join("  ", cells.Select((cell, index) => index == 0 ? cell.PadRight(22) : cell.PadLeft(index == cells.Length - 1 ? 14 : 10)));

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
