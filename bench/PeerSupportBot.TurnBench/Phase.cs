using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PeerSupportBot.TurnBench;

/// <summary>What one kind of activity cost one target in one round.</summary>
internal sealed record PhaseResult(
    TargetKind Target,
    TurnKind Kind,
    int Round,
    int Requests,
    int Wrong,
    TimeSpan Elapsed,
    IReadOnlyList<double> LatenciesMs,
    double CpuMs,
    long TableRequests,
    long ConnectorCalls,
    double PeakWorkingSetMb)
{
    public double Throughput => Requests / Elapsed.TotalSeconds;

    public double CpuMsPerRequest => CpuMs / Math.Max(1, Requests);

    public double TableRequestsPerOperation => (double)TableRequests / Math.Max(1, Requests);

    public double Percentile(double share)
    {
        if (LatenciesMs.Count == 0)
        {
            return double.NaN;
        }

        var sorted = LatenciesMs.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(share * sorted.Count) - 1, 0, sorted.Count - 1)];
    }
}

/// <summary>
/// One kind of activity against one target, closed loop: a fixed number of connections, each
/// sending its next activity as soon as the last was answered, for a time or until the list of
/// activities runs out. The target's CPU and table requests are read before and after, once its
/// background work (the outbox's posts) has finished, so what a turn caused later is counted too.
/// </summary>
internal static class Phase
{
    /// <param name="next">The i-th activity of the phase, or null when there are no more.</param>
    /// <param name="onRight">Called with a right answer's request id (sends).</param>
    /// <param name="kindOf">The kind of the i-th activity when a phase mixes kinds.</param>
    public static async Task<PhaseResult> RunAsync(
        Target target, TurnKind kind, int round, int connections, TimeSpan duration,
        Func<int, (string Id, JsonObject Activity)?> next, Action<int, string?>? onRight, CancellationToken cancellationToken, Func<int, TurnKind>? kindOf = null)
    {
        await target.WaitUntilIdleAsync(TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(30));
        var cpuBefore = target.Process.CpuTime;
        var tablesBefore = target.Tables.Count;
        var connectorBefore = target.Connector.Total;
        var latencies = new ConcurrentBag<double>();
        var wrong = 0;
        var index = -1;
        var clock = Stopwatch.StartNew();

        async Task WorkAsync()
        {
            while (clock.Elapsed < duration)
            {
                var i = Interlocked.Increment(ref index);
                if (next(i) is not { } activity)
                {
                    return;
                }

                var answer = await target.PostAsync(activity.Activity, cancellationToken);
                latencies.Add(answer.Elapsed.TotalMilliseconds);
                var (right, requestId) = Turns.Check(target, kindOf?.Invoke(i) ?? kind, activity.Id, answer);
                if (right)
                {
                    onRight?.Invoke(i, requestId);
                }
                else
                {
                    Interlocked.Increment(ref wrong);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(WorkAsync, cancellationToken)));
        var elapsed = clock.Elapsed;

        // The outbox posts after the turn: wait for it, so its work is counted with what caused it.
        await target.WaitUntilIdleAsync(kind is TurnKind.Send or TurnKind.Accept ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(60));
        return new PhaseResult(target.Kind, kind, round, latencies.Count, wrong, elapsed, [.. latencies],
            (target.Process.CpuTime - cpuBefore).TotalMilliseconds,
            target.Tables.Count - tablesBefore,
            target.Connector.Total - connectorBefore,
            target.Process.PeakWorkingSetMegabytes);
    }
}
