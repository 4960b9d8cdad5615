using System.Text.Json.Nodes;

namespace PeerSupportBot.TurnBench;

/// <summary>The table requests of one operation, measured alone, a few times.</summary>
internal sealed record ProbeResult(TargetKind Target, string Operation, IReadOnlyList<long> Counts, IReadOnlyDictionary<string, long> ByKind, int Wrong)
{
    /// <summary>"106" when every time was the same, else "104–108".</summary>
    public string Shown => Counts.Count == 0 ? "-" : Counts.Min() == Counts.Max() ? Counts[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{Counts.Min()}–{Counts.Max()}";
}

/// <summary>
/// Request counts, the deterministic figure: one operation at a time, nothing else running,
/// counted by the target's proxy from the moment it is sent until its background work (the
/// outbox) has gone quiet. Table requests per operation, not per second.
/// </summary>
internal static class Probe
{
    public const int Repeats = 3;

    public static async Task<IReadOnlyList<ProbeResult>> EveryKindAsync(Target target, BenchCohort cohort, CancellationToken cancellationToken)
    {
        var members = cohort.Members;
        var results = new List<ProbeResult>
        {
            await MeasureAsync(target, "help", TurnKind.Help, i => Turns.Help(target, members[i]), null, cancellationToken),
            await MeasureAsync(target, "my data", TurnKind.MyData, i => Turns.MyData(target, members[i]), null, cancellationToken),
            await MeasureAsync(target, $"ask (cohort of {members.Count})", TurnKind.Ask, i => Turns.Ask(target, members[i]), null, cancellationToken),
        };

        // Asker i asks the two after them; the first declines, the second accepts.
        var requestIds = new string?[Repeats];
        results.Add(await MeasureAsync(target, "send (to 2)", TurnKind.Send,
            i => Turns.Send(target, members[3 * i], members[(3 * i) + 1], members[(3 * i) + 2]), (i, id) => requestIds[i] = id, cancellationToken));
        results.Add(await MeasureAsync(target, "decline", TurnKind.Decline,
            i => Turns.Answer(target, members[(3 * i) + 1], requestIds[i] ?? "missing", accept: false), null, cancellationToken));
        results.Add(await MeasureAsync(target, "accept", TurnKind.Accept,
            i => Turns.Answer(target, members[(3 * i) + 2], requestIds[i] ?? "missing", accept: true), null, cancellationToken));
        return results;
    }

    /// <summary>Asks from a member of a cohort of this size (their only cohort).</summary>
    public static Task<ProbeResult> AskAsync(Target target, BenchCohort cohort, CancellationToken cancellationToken) =>
        MeasureAsync(target, $"ask (cohort of {cohort.Members.Count})", TurnKind.Ask, i => Turns.Ask(target, cohort.Members[i]), null, cancellationToken);

    private static async Task<ProbeResult> MeasureAsync(
        Target target, string operation, TurnKind kind, Func<int, (string Id, JsonObject Activity)> activity, Action<int, string?>? onRight, CancellationToken cancellationToken)
    {
        var counts = new List<long>();
        var before = target.Tables.Kinds;
        var wrong = 0;
        var quiet = kind is TurnKind.Send or TurnKind.Accept ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(250);
        await target.WaitUntilIdleAsync(quiet, TimeSpan.FromSeconds(30));
        for (var i = 0; i < Repeats; i++)
        {
            var start = target.Tables.Count;
            var (id, body) = activity(i);
            var answer = await target.PostAsync(body, cancellationToken);
            var (right, requestId) = Turns.Check(target, kind, id, answer);
            if (right)
            {
                onRight?.Invoke(i, requestId);
            }
            else
            {
                wrong++;
            }

            await target.WaitUntilIdleAsync(quiet, TimeSpan.FromSeconds(30));
            counts.Add(target.Tables.Count - start);
        }

        var after = target.Tables.Kinds;
        var byKind = after.ToDictionary(pair => pair.Key, pair => (pair.Value - before.GetValueOrDefault(pair.Key)) / Repeats, StringComparer.Ordinal);
        return new ProbeResult(target.Kind, operation, counts, byKind.Where(pair => pair.Value > 0).ToDictionary(StringComparer.Ordinal), wrong);
    }
}
