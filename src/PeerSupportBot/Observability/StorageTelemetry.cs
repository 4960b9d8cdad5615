using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PeerSupportBot.Observability;

/// <summary>
/// The names and instruments of the app's storage telemetry: a span per table call with the
/// table's name and the kind of operation, never a partition or row key (those are people's
/// Entra object ids). See <see cref="StorageTelemetryPolicy"/>.
/// </summary>
internal sealed class StorageTelemetry
{
    public const string ActivitySourceName = "PeerSupportBot.Storage";
    public const string MeterName = "PeerSupportBot.Storage";

    public const string TableTag = "storage.table";
    public const string OperationTag = "storage.operation";
    public const string StatusCodeTag = "http.response.status_code";
    public const string ErrorTypeTag = "error.type";

    internal static readonly ActivitySource Source = new(ActivitySourceName);

    private static readonly InstrumentAdvice<double> DurationAdvice = new()
    {
        HistogramBucketBoundaries = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    public StorageTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        Calls = meter.CreateCounter<long>("storage.calls", "{call}", "Table storage calls, by table, operation and status.");
        CallDuration = meter.CreateHistogram("storage.call.duration", "s", "Time a table storage call took, retries included.", tags: null, DurationAdvice);
    }

    public Counter<long> Calls { get; }

    public Histogram<double> CallDuration { get; }
}
