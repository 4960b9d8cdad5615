using System.Diagnostics;
using System.Globalization;
using PeerSupportBot.Bench;

// Measures whether one match costs the same in a small and in a large organisation: see docs/benchmarks.md.
if (args.Any(arg => arg is not "--quick"))
{
    Console.Error.WriteLine("usage: PeerSupportBot.Bench [--quick]");
    return 2;
}

var plan = args.Contains("--quick") ? BenchPlan.Quick : BenchPlan.Full;
using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, eventArgs) =>
{
    eventArgs.Cancel = true;
    cancellation.Cancel();
};
var token = cancellation.Token;

var total = Stopwatch.StartNew();
using var azurite = AzuriteProcess.StartOrFind();
Console.WriteLine($"Matching benchmark ({plan.Name}): {plan.WarmUps} warm-up and {plan.Runs} timed matches per organisation, against {(azurite.StartedHere ? "an Azurite started here" : "the Azurite in " + AzuriteProcess.EnvironmentVariable)}.");

var baseline = Organisation.Connect(azurite.ConnectionString, "baseline", plan.BaselineOtherCohorts);
var large = Organisation.Connect(azurite.ConnectionString, "large", plan.LargeOtherCohorts);
try
{
    foreach (var organisation in new[] { baseline, large })
    {
        var seeding = Stopwatch.StartNew();
        await OrganisationSeeder.SeedAsync(organisation, token);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeded {organisation.Label}: {organisation.Cohorts} cohorts, {organisation.People} people, {organisation.Requests.Count} requests in {seeding.Elapsed.TotalSeconds:F1} s."));
    }

    // Same asker, same cohort: the answer must not depend on who else works there.
    var expected = (await baseline.MatchAsync(token)).Select(candidate => candidate.PersonKey).ToList();
    var actual = (await large.MatchAsync(token)).Select(candidate => candidate.PersonKey).ToList();
    if (!expected.SequenceEqual(actual))
    {
        Console.Error.WriteLine("FAIL: the two organisations suggested different colleagues to the same asker in the same cohort.");
        return 1;
    }

    var measurements = await MatchBenchmark.RunAsync([baseline, large], plan, token);
    Console.WriteLine();
    var passed = Report.Print(measurements[0], measurements[1], Console.Out);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Benchmark took {total.Elapsed.TotalSeconds:F1} s."));
    return passed ? 0 : 1;
}
finally
{
    if (!azurite.StartedHere)
    {
        await baseline.DeleteAsync(CancellationToken.None);
        await large.DeleteAsync(CancellationToken.None);
    }
}
