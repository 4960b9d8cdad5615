using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Tests.Infrastructure;
using BotActivity = PeerSupportBot.BotFramework.Schema.Activity;

namespace PeerSupportBot.Tests.Observability;

/// <summary>
/// A <see cref="TeamsWorld"/> whose app exports its spans and metrics to memory, and whose
/// requests each start a trace of their own (a traceparent header), so a test can find the spans
/// of its request among those of tests running alongside.
/// </summary>
public sealed class TracedWorld : IAsyncLifetime
{
    public TracedWorld() =>
        World = new TeamsWorld(configureServices: services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
        });

    public TeamsWorld World { get; }

    public ExportedSpanCollection Spans { get; } = new();

    public List<MetricSnapshot> Metrics { get; } = [];

    public Task InitializeAsync() => World.InitializeAsync();

    public Task DisposeAsync() => World.DisposeAsync();

    /// <summary>The person writes <paramref name="text"/> in their 1:1 chat; returns the trace it ran in.</summary>
    public async Task<ActivityTraceId> SayAsync(TeamsPerson person, string text)
    {
        var activity = World.Activity(person, ActivityTypes.Message, inGroup: false);
        activity.Text = text;
        return await PostAsync(activity);
    }

    public async Task<ActivityTraceId> PostAsync(BotActivity activity)
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var client = World.App.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(activity, BotFrameworkJsonContext.Default.Activity),
        };
        request.Headers.Add("traceparent", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return traceId;
    }

    /// <summary>Pushes the metrics recorded so far into <see cref="Metrics"/>.</summary>
    public void FlushMetrics()
    {
        lock (Metrics)
        {
            World.App.Services.GetRequiredService<MeterProvider>().ForceFlush();
        }
    }
}
