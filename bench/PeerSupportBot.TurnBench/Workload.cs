using System.Collections.Concurrent;

namespace PeerSupportBot.TurnBench;

/// <summary>How much one run does. Full: what docs/benchmarks.md reports; quick: to check the harness in a minute or two.</summary>
internal sealed record BenchPlan(string Name, int Rounds, TimeSpan PhaseDuration, int SendsPerRound, int LoadCohorts, IReadOnlyList<int> ProbeCohortSizes, int Connections)
{
    public const int CohortSize = 30;

    public static readonly BenchPlan Full = new("full", Rounds: 3, PhaseDuration: TimeSpan.FromSeconds(4), SendsPerRound: 32, LoadCohorts: 10, ProbeCohortSizes: [10, 100, 1000], Connections: 16);

    public static readonly BenchPlan Quick = new("quick", Rounds: 1, PhaseDuration: TimeSpan.FromSeconds(2), SendsPerRound: 12, LoadCohorts: 3, ProbeCohortSizes: [10, 100], Connections: 16);
}

/// <summary>
/// The traffic of one round, the same for every target: help and "my data" from anyone, asks from
/// anyone, then sends, each to two colleagues of the asker's cohort, of which one declines and
/// the other accepts. Who sends and who is asked rotates through each cohort, so that nobody is
/// asked more than their monthly cap (3) or sends more than the hourly limit (10) in a run.
/// </summary>
internal sealed class Workload(Target target, IReadOnlyList<BenchCohort> cohorts, BenchPlan plan)
{
    private readonly Person[] _everyone = [.. cohorts.SelectMany(cohort => cohort.Members)];
    private readonly int[] _cohortCursor = new int[cohorts.Count];
    private int _nextCohort;

    public async Task<IReadOnlyList<PhaseResult>> RoundAsync(int round, TimeSpan duration, int sends, CancellationToken cancellationToken)
    {
        var results = new List<PhaseResult>();
        var offset = Random.Shared.Next(_everyone.Length);
        foreach (var kind in new[] { TurnKind.Help, TurnKind.MyData, TurnKind.Ask })
        {
            results.Add(await Phase.RunAsync(target, kind, round, plan.Connections, duration,
                i => Activity(kind, _everyone[(offset + i) % _everyone.Length]), null, cancellationToken));
        }

        results.Add(await Phase.RunAsync(target, TurnKind.Mix, round, plan.Connections, duration,
            i => Activity(MixKind(i), _everyone[(offset + (7 * i)) % _everyone.Length]), null, cancellationToken, MixKind));

        var planned = Enumerable.Range(0, sends).Select(_ => NextSend()).ToArray();
        var opened = new ConcurrentDictionary<int, OpenRequest>();
        // Sends, declines and accepts are as many as planned: a time limit only guards against a hang.
        var generous = TimeSpan.FromSeconds(60);
        results.Add(await Phase.RunAsync(target, TurnKind.Send, round, plan.Connections, generous,
            i => i < planned.Length ? Turns.Send(target, planned[i].Asker, planned[i].First, planned[i].Second) : null,
            (i, requestId) => opened[i] = new OpenRequest(requestId!, planned[i].Asker, planned[i].First, planned[i].Second),
            cancellationToken));

        var requests = opened.OrderBy(pair => pair.Key).Select(pair => pair.Value).ToArray();
        results.Add(await Phase.RunAsync(target, TurnKind.Decline, round, plan.Connections, generous,
            i => i < requests.Length ? Turns.Answer(target, requests[i].Decliner, requests[i].RequestId, accept: false) : null, null, cancellationToken));
        results.Add(await Phase.RunAsync(target, TurnKind.Accept, round, plan.Connections, generous,
            i => i < requests.Length ? Turns.Answer(target, requests[i].Accepter, requests[i].RequestId, accept: true) : null, null, cancellationToken));
        return results;
    }

    private static TurnKind MixKind(int i) => (i % 4) switch
    {
        0 or 2 => TurnKind.Ask,
        1 => TurnKind.Help,
        _ => TurnKind.MyData,
    };

    private (string Id, System.Text.Json.Nodes.JsonObject Activity)? Activity(TurnKind kind, Person person) => kind switch
    {
        TurnKind.Help => Turns.Help(target, person),
        TurnKind.MyData => Turns.MyData(target, person),
        _ => Turns.Ask(target, person),
    };

    /// <summary>
    /// The next asker and the two asked, cohort after cohort. In a cohort the three walk along the
    /// members one step further each time round, so everyone takes every part in turn.
    /// </summary>
    private (Person Asker, Person First, Person Second) NextSend()
    {
        var c = _nextCohort++ % cohorts.Count;
        var members = cohorts[c].Members;
        var cursor = _cohortCursor[c];
        _cohortCursor[c] = cursor + 3;
        var lap = cursor / members.Count;
        var start = (cursor + lap) % members.Count;
        return (members[start], members[(start + 1) % members.Count], members[(start + 2) % members.Count]);
    }
}
