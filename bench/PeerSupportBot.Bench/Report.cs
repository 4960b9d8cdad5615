using System.Globalization;

namespace PeerSupportBot.Bench;

/// <summary>The table, the ratios large/baseline, and whether the cost stayed independent of the organisation's size.</summary>
internal static class Report
{
    public static bool Print(Measurement baseline, Measurement large, TextWriter output)
    {
        output.WriteLine(Row("organisation", "cohorts", "people", "median ms", "p90 ms", "KB/match", "requests/match"));
        foreach (var measurement in new[] { baseline, large })
        {
            var organisation = measurement.Organisation;
            output.WriteLine(Row(
                organisation.Label,
                Invariant(organisation.Cohorts),
                Invariant(organisation.People),
                Milliseconds(measurement.Median),
                Milliseconds(measurement.P90),
                (measurement.MeanAllocatedBytes / 1024).ToString("F1", CultureInfo.InvariantCulture),
                measurement.RequestsConstant
                    ? Invariant(measurement.Requests[0])
                    : string.Create(CultureInfo.InvariantCulture, $"{measurement.Requests.Min()}..{measurement.Requests.Max()}")));
        }

        var timeRatio = large.Median / baseline.Median;
        var allocationRatio = large.MeanAllocatedBytes / baseline.MeanAllocatedBytes;
        var requestRatio = large.MeanRequests / baseline.MeanRequests;
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"large/baseline: people {(double)large.Organisation.People / baseline.Organisation.People:F1}x, time (median) {timeRatio:F2}, allocations {allocationRatio:F2}, requests {requestRatio:F2}"));

        var failures = new List<string>();
        if (!baseline.RequestsConstant || !large.RequestsConstant)
        {
            failures.Add("the number of requests varied between matches of the same organisation");
        }

        if (requestRatio != 1.0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"a match in the large organisation sent {requestRatio:F2}x the requests (target 1.00)"));
        }

        if (timeRatio > BenchPlan.MaxTimeRatio)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"a match in the large organisation took {timeRatio:F2}x as long (limit {BenchPlan.MaxTimeRatio:F2})"));
        }

        output.WriteLine(failures.Count == 0
            ? "PASS: the cost of a match does not grow with the organisation."
            : "FAIL: " + string.Join("; ", failures) + ".");
        return failures.Count == 0;
    }

    private static string Row(params string[] cells) =>
        string.Join("  ", cells.Select((cell, index) => index == 0 ? cell.PadRight(12) : cell.PadLeft(index == cells.Length - 1 ? 14 : 9)));

    private static string Milliseconds(TimeSpan time) => time.TotalMilliseconds.ToString("F2", CultureInfo.InvariantCulture);

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
