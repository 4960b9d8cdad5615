using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PeerSupportBot.Observability;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Storage;

/// <summary>
/// Counts the table requests one test app sends, as the app's own HTTP pipeline policy
/// (StorageTelemetryPolicy, per call) records them in the "storage.calls" metric: one per
/// request, an entity group transaction one. Creating a table (once per process) is not counted.
/// </summary>
public sealed class TableRequests : IDisposable
{
    private static readonly HashSet<string> Writes = new(StringComparer.Ordinal) { "insert", "update", "upsert", "merge", "upsert_merge", "delete", "batch" };

    private readonly MetricCollector<long> _calls;
    private int _seen;

    public TableRequests(BotApplication app) =>
        _calls = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), StorageTelemetry.MeterName, "storage.calls");

    /// <summary>What was sent since the last call, by "operation table" ("query CohortMembers", "batch $batch").</summary>
    public Sent Next()
    {
        var all = _calls.GetMeasurementSnapshot();
        var calls = all.Skip(_seen)
            .Select(call => ((string)call.Tags[StorageTelemetry.OperationTag]!, (string)call.Tags[StorageTelemetry.TableTag]!))
            .Where(call => call.Item1 is not ("create_table" or "query_tables"))
            .ToList();
        _seen = all.Count;
        return new Sent(calls);
    }

    public void Dispose() => _calls.Dispose();

    public sealed record Sent(IReadOnlyList<(string Operation, string Table)> Calls)
    {
        public int Requests => Calls.Count;

        /// <summary>Table transactions that change something: inserts, updates, deletes; a batch is one.</summary>
        public int Transactions => Calls.Count(call => Writes.Contains(call.Operation));

        public int To(string operation, string tableSuffix) =>
            Calls.Count(call => call.Operation == operation && call.Table.EndsWith(tableSuffix, StringComparison.Ordinal));

        public override string ToString() =>
            string.Join(", ", Calls.GroupBy(call => call.Operation + " " + call.Table).Select(group => $"{group.Count()}× {group.Key}"));
    }
}
