using System.Diagnostics;
using System.Globalization;
using PeerSupportBot.TurnBench;

// The turn benchmark: the bot beside the limit and the peer, over HTTP. See docs/benchmarks.md.
if (args.Any(arg => arg is not ("--quick" or "--no-docs")))
{
    Console.Error.WriteLine("usage: PeerSupportBot.TurnBench [--quick] [--no-docs]");
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
var root = Repository.Root();
var total = Stopwatch.StartNew();
var machine = Machine.Describe();
Console.WriteLine($"Turn benchmark ({plan.Name}) on {machine.Summary}");

// 1. The audit: every operation alone, its table requests counted by the proxies and by Azurite's own debug log.
IReadOnlyList<ProbeResult> probes;
IReadOnlyList<Audit> audits;
await using (var rig = await Rig.StartAsync(root, "audit", azuriteDebugLog: true, plan.Connections))
{
    var cohorts = await Population.SeedAsync(rig, [], [10], plan.Connections, token);
    var results = new List<ProbeResult>();
    var checks = new List<Audit>();
    foreach (var target in rig.Targets)
    {
        var logBefore = await AzuriteLog.CountRequestsAsync(rig.AzuriteLog!);
        var proxyBefore = target.Tables.Count;
        results.AddRange(await Probe.EveryKindAsync(target, cohorts[target.Kind].Probes[0], token));
        var logAfter = await AzuriteLog.CountRequestsAsync(rig.AzuriteLog!);
        checks.Add(new Audit(target.Kind, target.Tables.Count - proxyBefore, logAfter - logBefore));
    }

    probes = results;
    audits = checks;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Audit done in {total.Elapsed.TotalSeconds:F0} s: {string.Join(", ", audits.Select(audit => $"{audit.Target} proxy {audit.Proxy} / Azurite log {audit.AzuriteLog}"))}"));
}

// 2. The load: seed, count asks by cohort size, warm up, then alternate the targets round by round.
var phases = new List<PhaseResult>();
var sizes = new List<ProbeResult>();
var peaks = new Dictionary<TargetKind, double>();
var peaksBeforeRounds = new Dictionary<TargetKind, double>();
TimeSpan seeding;
await using (var rig = await Rig.StartAsync(root, "load", azuriteDebugLog: false, plan.Connections))
{
    var seeded = Stopwatch.StartNew();
    var cohorts = await Population.SeedAsync(rig, Enumerable.Repeat(BenchPlan.CohortSize, plan.LoadCohorts).ToArray(), plan.ProbeCohortSizes, plan.Connections, token);
    seeding = seeded.Elapsed;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seeded in {seeding.TotalSeconds:F0} s ({total.Elapsed.TotalSeconds:F0} s in)."));
    foreach (var target in rig.Targets.Where(target => target.Kind != TargetKind.Limit))
    {
        foreach (var cohort in cohorts[target.Kind].Probes)
        {
            sizes.Add(await Probe.AskAsync(target, cohort, token));
        }
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Asks counted by cohort size ({total.Elapsed.TotalSeconds:F0} s in): {string.Join(", ", sizes.Select(size => $"{size.Target} {size.Operation} {size.Shown}"))}"));
    foreach (var target in rig.Targets)
    {
        peaksBeforeRounds[target.Kind] = target.Process.PeakWorkingSetMegabytes;
        if (!target.Process.ResetPeakWorkingSet())
        {
            Console.WriteLine($"Could not reset the peak working set of {target.Name}: its peak includes the seeding.");
        }
    }

    var workloads = rig.Targets.ToDictionary(target => target.Kind, target => new Workload(target, cohorts[target.Kind].Load, plan));
    foreach (var target in rig.Targets)
    {
        await workloads[target.Kind].RoundAsync(0, TimeSpan.FromSeconds(1), sends: 6, token);
    }

    for (var round = 1; round <= plan.Rounds; round++)
    {
        // Alternate the order, so that neither end of a round always falls to the same target.
        var order = round % 2 == 1 ? rig.Targets : rig.Targets.Reverse();
        foreach (var target in order)
        {
            var results = await workloads[target.Kind].RoundAsync(round, plan.PhaseDuration, plan.SendsPerRound, token);
            phases.AddRange(results);
            var line = string.Join(", ", results.Select(result => string.Create(CultureInfo.InvariantCulture, $"{result.Kind} {result.Throughput:F0}/s p99 {result.Percentile(0.99):F0} ms{(result.Wrong > 0 ? $" ({result.Wrong} wrong)" : "")}")));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Round {round} {target.Name} ({total.Elapsed.TotalSeconds:F0} s in): {line}"));
        }
    }

    foreach (var target in rig.Targets)
    {
        peaks[target.Kind] = target.Process.PeakWorkingSetMegabytes;
    }
}

var outcome = new Outcome(plan, machine, probes, audits, sizes, phases, peaks, peaksBeforeRounds, seeding, total.Elapsed);
var report = MarkdownReport.Write(outcome);
Console.WriteLine();
Console.WriteLine(report);
if (!args.Contains("--no-docs"))
{
    var docs = Path.Combine(root, "docs", "benchmarks.md");
    await File.WriteAllTextAsync(docs, MarkdownReport.ReplaceSection(await File.ReadAllTextAsync(docs, token), report), token);
    Console.WriteLine($"Wrote {docs}.");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Benchmark took {total.Elapsed.TotalSeconds:F0} s."));
var failures = outcome.Failures();
foreach (var failure in failures)
{
    Console.Error.WriteLine("FAIL: " + failure);
}

return failures.Count == 0 ? 0 : 1;
