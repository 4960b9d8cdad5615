using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PeerSupportBot.BotFramework.Connector;
using PeerSupportBot.BotFramework.Telemetry;
using PeerSupportBot.BotFramework.Tests.Connector;
using PeerSupportBot.Testing;
using BotActivity = PeerSupportBot.BotFramework.Schema.Activity;

namespace PeerSupportBot.BotFramework.Tests.Telemetry;

/// <summary>
/// Each connector call is one span and one measurement, retries included. Spans are captured by
/// an <see cref="ActivityListener"/> and picked out by the trace of a parent the test starts, since
/// tests running alongside make connector spans too.
/// </summary>
public sealed class ConnectorTelemetryTests : IAsyncLifetime, IDisposable
{
    private const string ConversationId = "a:1SecretConversation";

    private static readonly ActivitySource TestSource = new("PeerSupportBot.BotFramework.Tests");
    private readonly List<Activity> _spans = [];
    private readonly ActivityListener _listener;
    private FakeConnectorServer _server = null!;
    private ConnectorTestHost _host = null!;

    public ConnectorTelemetryTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is BotFrameworkTelemetry.ActivitySourceName or "PeerSupportBot.BotFramework.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = span =>
            {
                lock (_spans)
                {
                    _spans.Add(span);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public async Task InitializeAsync()
    {
        _server = await FakeConnectorServer.StartAsync();
        _host = ConnectorTestHost.Create(new CountingTokenProvider());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public async Task A_retried_send_is_one_span_with_its_retries_status_and_no_ids()
    {
        _server.Respond = _ => _server.Requests.Count == 1 ? new FakeResponse(503) : null;
        using var calls = new MetricCollector<long>(_host.Services.GetRequiredService<IMeterFactory>(), BotFrameworkTelemetry.MeterName, "bot.connector.calls");
        using var retries = new MetricCollector<long>(_host.Services.GetRequiredService<IMeterFactory>(), BotFrameworkTelemetry.MeterName, "bot.connector.retries");

        ActivityTraceId trace;
        using (var parent = TestSource.StartActivity("test"))
        {
            trace = parent!.TraceId;
            await _host.Client.SendToConversationAsync(_server.ServiceUrl, ConversationId, new BotActivity { Type = "message", Text = "salainen viesti" });
        }

        var span = Assert.Single(SpansIn(trace), candidate => candidate.Source.Name == BotFrameworkTelemetry.ActivitySourceName);
        Assert.Equal("connector.send", span.OperationName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("SendToConversation", span.GetTagItem("bot.connector.operation"));
        Assert.Equal("succeeded", span.GetTagItem("bot.outcome"));
        Assert.Equal(1, span.GetTagItem("bot.connector.retry_count"));
        Assert.InRange(Assert.IsType<int>(span.GetTagItem("http.response.status_code")), 200, 299);
        var retry = Assert.Single(span.Events);
        Assert.Equal("503", retry.Tags.Single(tag => tag.Key == "bot.connector.retry_failure").Value);
        Assert.DoesNotContain(span.TagObjects.Select(tag => tag.Value?.ToString() ?? ""), value => value.Contains("Secret", StringComparison.Ordinal) || value.Contains("salainen", StringComparison.Ordinal));

        var call = Assert.Single(calls.GetMeasurementSnapshot());
        Assert.Equal("succeeded", call.Tags["bot.outcome"]);
        Assert.Equal("503", Assert.Single(retries.GetMeasurementSnapshot()).Tags["bot.connector.retry_failure"]);
    }

    [Fact]
    public async Task A_failed_call_is_an_error_span_keeping_its_status()
    {
        _server.Respond = _ => new FakeResponse(404, "{\"error\":{\"code\":\"ActivityNotFoundInConversation\"}}");

        ActivityTraceId trace;
        using (var parent = TestSource.StartActivity("test"))
        {
            trace = parent!.TraceId;
            await Assert.ThrowsAsync<ConnectorException>(() => _host.Client.DeleteActivityAsync(_server.ServiceUrl, ConversationId, "1700000000001"));
        }

        var span = Assert.Single(SpansIn(trace), candidate => candidate.Source.Name == BotFrameworkTelemetry.ActivitySourceName);
        Assert.Equal("connector.delete", span.OperationName);
        Assert.Equal(ActivityStatusCode.Error, span.Status);
        Assert.Equal("failed", span.GetTagItem("bot.outcome"));
        Assert.Equal(404, span.GetTagItem("http.response.status_code"));
        Assert.Equal(0, span.GetTagItem("bot.connector.retry_count"));
    }

    private List<Activity> SpansIn(ActivityTraceId trace)
    {
        lock (_spans)
        {
            return [.. _spans.Where(span => span.TraceId == trace)];
        }
    }
}
