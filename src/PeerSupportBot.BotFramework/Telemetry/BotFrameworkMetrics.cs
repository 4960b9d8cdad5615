using System.Diagnostics.Metrics;

namespace PeerSupportBot.BotFramework.Telemetry;

/// <summary>
/// The protocol layer's instruments, created from the host's <see cref="IMeterFactory"/> so each
/// host (and each test host) measures only its own traffic.
/// </summary>
internal sealed class BotFrameworkMetrics
{
    // Seconds, from a quick in-process answer to the connector's longest retried call.
    private static readonly InstrumentAdvice<double> DurationAdvice = new()
    {
        HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    };

    public BotFrameworkMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(BotFrameworkTelemetry.MeterName);
        ActivitiesReceived = meter.CreateCounter<long>(
            "bot.activities.received", "{activity}", "Requests to the messages endpoint, by activity type, outcome and response status.");
        ActivityDuration = meter.CreateHistogram(
            "bot.activity.duration", "s", "Time from a request's arrival at the messages endpoint to its response.", tags: null, DurationAdvice);
        ConnectorCalls = meter.CreateCounter<long>(
            "bot.connector.calls", "{call}", "Calls to the Bot Framework connector, by operation, outcome and final status.");
        ConnectorCallDuration = meter.CreateHistogram(
            "bot.connector.call.duration", "s", "Time a connector call took, retries included.", tags: null, DurationAdvice);
        ConnectorRetries = meter.CreateCounter<long>(
            "bot.connector.retries", "{retry}", "Connector attempts retried, by operation and what the failed attempt got.");
    }

    public Counter<long> ActivitiesReceived { get; }

    public Histogram<double> ActivityDuration { get; }

    public Counter<long> ConnectorCalls { get; }

    public Histogram<double> ConnectorCallDuration { get; }

    public Counter<long> ConnectorRetries { get; }
}
