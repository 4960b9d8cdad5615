using System.Globalization;
using System.Text;
using static PeerSupportBot.TurnBench.Outcome;

namespace PeerSupportBot.TurnBench;

/// <summary>
/// The figures of a run as the part of docs/benchmarks.md between the turn benchmark's markers.
/// Everything else in that file (the matching benchmark, the explanations) is kept as it is.
/// </summary>
internal static class MarkdownReport
{
    public const string Start = "<!-- turnbench:results:start (written by bench/PeerSupportBot.TurnBench; do not edit by hand) -->";
    public const string End = "<!-- turnbench:results:end -->";

    private static readonly TurnKind[] Kinds = Enum.GetValues<TurnKind>();
    private static readonly TargetKind[] Targets = [TargetKind.Bot, TargetKind.Limit, TargetKind.Peer];

    public static string ReplaceSection(string document, string section)
    {
        var start = document.IndexOf(Start, StringComparison.Ordinal);
        var end = document.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException($"docs/benchmarks.md has no turn benchmark markers ({Start} … {End}).");
        }

        return document[..start] + Start + "\n" + section + document[end..];
    }

    public static string Write(Outcome outcome)
    {
        var text = new StringBuilder();
        var machine = outcome.Machine;
        text.AppendLine(CultureInfo.InvariantCulture, $"Run `{outcome.Plan.Name}` of {machine.At:yyyy-MM-dd HH:mm} UTC on {machine.Summary}, {Machine.LoadAverage()} at the end. {outcome.Plan.Rounds} rounds, {outcome.Plan.Connections} connections, {F(outcome.Plan.PhaseDuration.TotalSeconds, 0)} s per kind for help, my data and ask, {outcome.Plan.SendsPerRound} sends (then as many declines and accepts) per round; seeding took {F(outcome.Seeding.TotalSeconds, 0)} s, the whole run {F(outcome.Took.TotalSeconds, 0)} s.");
        text.AppendLine();

        text.AppendLine("#### Targets");
        text.AppendLine();
        text.AppendLine("| Target | Measured | Met | If not: why, and what would fix it |");
        text.AppendLine("|---|---|---|---|");
        foreach (var goal in outcome.Goals())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {goal.Name} | {goal.Measured} | {(goal.Met ? "yes" : "**no**")} | {(goal.Met ? "" : goal.WhyNot)} |");
        }

        text.AppendLine();
        text.AppendLine("#### Per kind of activity, all rounds");
        text.AppendLine();
        text.AppendLine("Throughput is the median of the rounds; percentiles are over every answer of every round; CPU is the target process's own (user + system, from /proc), "
            + "divided by the activities of the phase, background work they caused included; table requests likewise, from the target's proxy.");
        text.AppendLine();
        text.AppendLine("| Kind | Target | Answers | Wrong | Throughput /s | p50 ms | p95 ms | p99 ms | CPU ms / request | Table requests / op |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var kind in Kinds)
        {
            foreach (var target in Targets)
            {
                var s = outcome.Of(target, kind);
                text.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {target} | {s.Requests} | {s.Wrong} | {F(s.Throughput)} | {F(s.P50)} | {F(s.P95)} | {F(s.P99)} | {F(s.CpuMsPerRequest, 2)} | {F(s.TableRequestsPerOperation)} |");
            }
        }

        text.AppendLine();
        text.AppendLine("Peak working set (VmHWM) over the rounds (reset after seeding): " + string.Join(", ", Targets.Select(target => $"{target} {F(outcome.PeakWorkingSetMb.GetValueOrDefault(target))} MB"))
            + "; after seeding and the asks by cohort size, before the reset: " + string.Join(", ", Targets.Select(target => $"{target} {F(outcome.PeakBeforeRoundsMb.GetValueOrDefault(target))} MB")) + ".");
        text.AppendLine();

        text.AppendLine("#### The bot's throughput against the limit's and the peer's, per round");
        text.AppendLine();
        var rounds = Enumerable.Range(1, outcome.Plan.Rounds).ToList();
        text.AppendLine("| Kind | " + string.Join(" | ", rounds.Select(round => $"round {round}: bot/limit | bot/peer")) + " |");
        text.AppendLine("|---|" + string.Concat(rounds.Select(_ => "---:|---:|")));
        foreach (var kind in Kinds)
        {
            var cells = string.Join(" | ", rounds.Select(round => $"{F(outcome.RatioInRound(round, kind, TargetKind.Limit), 2)} | {F(outcome.RatioInRound(round, kind, TargetKind.Peer), 2)}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {kind} | {cells} |");
        }

        text.AppendLine();
        text.AppendLine("#### Table requests per operation, each alone (audited)");
        text.AppendLine();
        var audits = string.Join(", ", outcome.Audits.Select(audit => $"{audit.Target} {audit.AzuriteLog} logged, {audit.Proxy} counted ({(audit.Agrees ? "the same" : "**different**")})"));
        text.AppendLine(CultureInfo.InvariantCulture, $"Each operation {Probe.Repeats} times, one at a time, counted from sending it until the target's tables and the connector have been quiet (its outbox done), in a cohort of 10. In the same run Azurite wrote its --debug log; the requests it logged in each target's window: {audits}.");
        text.AppendLine();
        text.AppendLine("| Operation | " + string.Join(" | ", Targets) + " | The bot's, by kind |");
        text.AppendLine("|---|---:|---:|---:|---|");
        foreach (var operation in outcome.Probes.Select(probe => probe.Operation).Distinct())
        {
            var cells = Targets.Select(target => outcome.Probes.FirstOrDefault(probe => probe.Target == target && probe.Operation == operation)?.Shown ?? "-");
            var bot = outcome.Probes.FirstOrDefault(probe => probe.Target == TargetKind.Bot && probe.Operation == operation);
            var kinds = bot is null ? "" : string.Join(", ", bot.ByKind.OrderByDescending(pair => pair.Value).Select(pair => $"{pair.Value} {pair.Key}"));
            text.AppendLine(CultureInfo.InvariantCulture, $"| {operation} | {string.Join(" | ", cells)} | {kinds} |");
        }

        text.AppendLine();
        text.AppendLine("#### Table requests per ask by the size of the asker's cohort");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{Probe.Repeats} asks each, one at a time, from a member of that cohort only; the answers that were right (an ask card with colleagues) beside each count.");
        text.AppendLine();
        text.AppendLine("| Cohort | Bot | right | Peer | right |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var operation in outcome.AsksBySize.Select(probe => probe.Operation).Distinct())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {operation} | {Shown(outcome, TargetKind.Bot, operation)} | {Right(outcome, TargetKind.Bot, operation)} | {Shown(outcome, TargetKind.Peer, operation)} | {Right(outcome, TargetKind.Peer, operation)} |");
        }

        text.AppendLine();
        var failures = outcome.Failures();
        text.AppendLine(failures.Count == 0
            ? "Every answer while counting was right (the card a person would see), and every proxy's count matched Azurite's log."
            : "**Failures:** " + string.Join("; ", failures) + ".");
        var wrong = outcome.WrongUnderLoad();
        text.AppendLine();
        text.AppendLine(wrong.Count == 0
            ? "Under load too, every answer was right."
            : "Under load, not every answer was right (a turn that gave up after its 8 s budget answers with an apology, which counts as wrong): " + string.Join("; ", wrong) + ".");
        return text.ToString();
    }

    private static string Right(Outcome outcome, TargetKind target, string operation) =>
        outcome.AsksBySize.FirstOrDefault(probe => probe.Target == target && probe.Operation == operation) is { } probe
            ? $"{probe.Counts.Count - probe.Wrong}/{probe.Counts.Count}"
            : "-";

    private static string Shown(Outcome outcome, TargetKind target, string operation) =>
        outcome.AsksBySize.FirstOrDefault(probe => probe.Target == target && probe.Operation == operation)?.Shown ?? "-";
}
