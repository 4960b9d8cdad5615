using System.Globalization;

namespace PeerSupportBot.TurnBench;

/// <summary>One kind of activity on one target over every round: medians of the rounds' rates, percentiles of every answer.</summary>
internal sealed record Summary(TargetKind Target, TurnKind Kind, int Requests, int Wrong, double Throughput, double P50, double P95, double P99, double CpuMsPerRequest, double TableRequestsPerOperation);

/// <summary>A target of issue 10, and whether this run met it.</summary>
internal sealed record Goal(string Name, string Measured, bool Met, string WhyNot);

/// <summary>Everything one run measured, and what follows from it.</summary>
internal sealed record Outcome(
    BenchPlan Plan,
    Machine Machine,
    IReadOnlyList<ProbeResult> Probes,
    IReadOnlyList<Audit> Audits,
    IReadOnlyList<ProbeResult> AsksBySize,
    IReadOnlyList<PhaseResult> Phases,
    IReadOnlyDictionary<TargetKind, double> PeakWorkingSetMb,
    IReadOnlyDictionary<TargetKind, double> PeakBeforeRoundsMb,
    TimeSpan Seeding,
    TimeSpan Took)
{
    public Summary Of(TargetKind target, TurnKind kind)
    {
        var phases = Phases.Where(phase => phase.Target == target && phase.Kind == kind).ToList();
        var all = new PhaseResult(target, kind, 0, phases.Sum(phase => phase.Requests), phases.Sum(phase => phase.Wrong), TimeSpan.Zero,
            [.. phases.SelectMany(phase => phase.LatenciesMs)], phases.Sum(phase => phase.CpuMs), phases.Sum(phase => phase.TableRequests), 0, 0);
        return new Summary(target, kind, all.Requests, all.Wrong, Median(phases.Select(phase => phase.Throughput)),
            all.Percentile(0.5), all.Percentile(0.95), all.Percentile(0.99), all.CpuMsPerRequest, all.TableRequestsPerOperation);
    }

    /// <summary>Bot's throughput over the other's, in one round.</summary>
    public double RatioInRound(int round, TurnKind kind, TargetKind other)
    {
        var bot = Phases.Single(phase => phase.Round == round && phase.Kind == kind && phase.Target == TargetKind.Bot);
        var them = Phases.Single(phase => phase.Round == round && phase.Kind == kind && phase.Target == other);
        return bot.Throughput / them.Throughput;
    }

    /// <summary>Wrong answers under load: a turn that gave up (the bot apologises after 8 s) or timed out. Reported, not failed: it is a result.</summary>
    public IReadOnlyList<string> WrongUnderLoad() =>
        [.. Phases.GroupBy(phase => (phase.Target, phase.Kind)).Where(group => group.Any(phase => phase.Wrong > 0))
            .Select(group => $"{group.Key.Target} answered {group.Sum(phase => phase.Wrong)} of {group.Sum(phase => phase.Requests)} {group.Key.Kind} activities wrongly")];

    /// <summary>
    /// What fails the run: a wrong answer while nothing else ran (the harness or a target is
    /// broken), or a proxy that counted otherwise than Azurite. Missed targets are reported, not failed.
    /// </summary>
    public IReadOnlyList<string> Failures()
    {
        var failures = new List<string>();
        // Asks in a cohort of 1,000 may outrun the bot's 8 s turn budget: a result, shown in the table, not a failure.
        failures.AddRange(Probes.Where(probe => probe.Wrong > 0).Select(probe => $"{probe.Target} answered {probe.Operation} wrongly {probe.Wrong} times while counting"));
        failures.AddRange(Audits.Where(audit => !audit.Agrees).Select(audit => $"the {audit.Target} proxy counted {audit.Proxy} table requests, Azurite's log {audit.AzuriteLog}"));
        return failures;
    }

    public IReadOnlyList<Goal> Goals()
    {
        var ask = Of(TargetKind.Bot, TurnKind.Ask);
        var help = Of(TargetKind.Bot, TurnKind.Help);
        var peerHelp = Of(TargetKind.Peer, TurnKind.Help);
        var limitHelp = Of(TargetKind.Limit, TurnKind.Help);
        var peerAsk = Of(TargetKind.Peer, TurnKind.Ask);
        var askRequests = Probe(TargetKind.Bot, "ask");
        var peerAskRequests = Probe(TargetKind.Peer, "ask");
        var limitAsk = Of(TargetKind.Limit, TurnKind.Ask);
        var askCount = ProbeCounts(TargetKind.Bot, "ask");
        var cpu = $"the bot spends {F(ask.CpuMsPerRequest)} CPU ms per ask (the peer {F(peerAsk.CpuMsPerRequest)}, the limit {F(limitAsk.CpuMsPerRequest)})";
        var storageBound = askCount.Count > 0 && askCount.Max() > 10
            ? $"an ask makes {askRequests} table requests (the peer's {peerAskRequests}), each a round trip to Azurite, one Node.js thread on the same two cores; {cpu}. "
                + "What would fix it: an ask that reads the asker's partition and each cohort's members once (issue 10's storage model): a handful of requests whatever the cohort's size"
            : $"an ask makes only {askRequests} table requests (the peer's {peerAskRequests}): the match's three reads and the last suggestions' one write, each a round trip to Azurite, one Node.js thread on the same two cores as the bot, the load generator and the connector; {cpu}. "
                + $"The simple turn it is held against makes {F(help.TableRequestsPerOperation)} (the contact refresh reads nothing for a chat this instance confirmed within the hour), so the ratio sets an ask's storage and topic detection against a turn with no storage at all. "
                + $"At {Plan.Connections} connections in closed loops, a p99 of 50 ms needs at least {Plan.Connections * 1000 / 50} asks a second; the bot reached {F(ask.Throughput)} here and the peer {F(peerAsk.Throughput)}. "
                + "What would fix it: storage that is not on the bot's two cores (Table Storage answers a partition query without scanning the table as Azurite does), and a match that reads its cohort's partition from memory, which needs a copy that every instance updates before a consent change answers (issue 10's rule that no stale copy may bring a withdrawn person into a match)";
        var helpWhy = $"a help turn costs the bot {F(help.CpuMsPerRequest)} CPU ms and {F(help.TableRequestsPerOperation)} table requests; the peer {F(peerHelp.CpuMsPerRequest)} ms and {F(peerHelp.TableRequestsPerOperation)}, the limit {F(limitHelp.CpuMsPerRequest)} ms and {F(limitHelp.TableRequestsPerOperation)}. "
            + "On two shared cores the load generator, the fake connector and Azurite take their share too, so the ratio is noisy; rerun on a quiet machine before acting on it";
        var peak = PeakWorkingSetMb.GetValueOrDefault(TargetKind.Bot);
        var sizes = AsksBySize.Where(probe => probe.Target == TargetKind.Bot).ToList();
        // The last ask of each size: the run's very first ask may also create a table the bot makes on first use.
        var sameForEverySize = sizes.Count > 1 && sizes.All(probe => probe.Counts.Count > 0 && probe.Counts[^1] == sizes[0].Counts[^1]);
        return
        [
            new($"ask p99 ≤ 50 ms at {Plan.Connections} connections", $"{F(ask.P99)} ms", ask.P99 <= 50, storageBound),
            new("ask throughput ≥ 0.5× the simple turn's", $"{F(ask.Throughput / help.Throughput, 2)}× ({F(ask.Throughput)}/s against {F(help.Throughput)}/s)", ask.Throughput >= 0.5 * help.Throughput, storageBound),
            new("simple turn ≥ 1.5× the peer's throughput", $"{F(help.Throughput / peerHelp.Throughput, 2)}×", help.Throughput >= 1.5 * peerHelp.Throughput, helpWhy),
            new("simple turn ≥ 0.8× the limit's throughput", $"{F(help.Throughput / limitHelp.Throughput, 2)}×", help.Throughput >= 0.8 * limitHelp.Throughput, helpWhy),
            new("peak working set ≤ 200 MB", $"{F(peak)} MB", peak <= 200,
                $"the peak was {F(PeakBeforeRoundsMb.GetValueOrDefault(TargetKind.Bot))} MB already after seeding and the asks in a cohort of 1,000 (thousands of table requests in flight at once). The bot runs with the workstation GC (PeerSupportBot.csproj; the server GC peaked at 214–219 MB in this rig). What would fix it: fewer allocations per turn (a match reads its cohort's rows whole; a card is an object tree serialised per post), or a GCHeapHardLimit in the App Service settings"),
            new("requests per ask the same for cohorts of " + string.Join(", ", sizes.Select(probe => probe.Operation.Split(' ')[^1].TrimEnd(')'))),
                string.Join(", ", sizes.Select(probe => $"{probe.Shown} ({probe.Operation.Split('(')[1].TrimEnd(')')}; last {(probe.Counts.Count > 0 ? probe.Counts[^1] : 0)})")), sameForEverySize,
                "an ask's requests grow with the asker's cohort: something is still read per member (the audit's by-kind column says what). What would fix it: keep what a match needs in the cohort's partition (issue 10's storage model)"),
        ];
    }

    private IReadOnlyList<long> ProbeCounts(TargetKind target, string operation) =>
        Probes.FirstOrDefault(probe => probe.Target == target && probe.Operation.StartsWith(operation, StringComparison.Ordinal))?.Counts ?? [];

    /// <summary>The audited request count of an operation whose name starts so, for a target.</summary>
    public string Probe(TargetKind target, string operation) =>
        Probes.FirstOrDefault(probe => probe.Target == target && probe.Operation.StartsWith(operation, StringComparison.Ordinal))?.Shown ?? "-";

    public static string F(double value, int decimals = 1) =>
        double.IsNaN(value) || double.IsInfinity(value) ? "-" : value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
            : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
