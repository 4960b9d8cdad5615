using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using PeerSupportBot.BotFramework.Telemetry;
using PeerSupportBot.Observability;

namespace PeerSupportBot.Tests.Observability;

/// <summary>The app counts and times activities, connector calls and table calls, by kind and outcome.</summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private readonly TracedWorld _traced = new();

    public Task InitializeAsync() => _traced.InitializeAsync();

    public Task DisposeAsync() => _traced.DisposeAsync();

    [Fact]
    public async Task A_message_is_counted_with_its_type_outcome_and_status_and_so_are_its_calls()
    {
        var meters = _traced.World.App.Services.GetRequiredService<IMeterFactory>();
        using var received = new MetricCollector<long>(meters, BotFrameworkTelemetry.MeterName, "bot.activities.received");
        using var activityDuration = new MetricCollector<double>(meters, BotFrameworkTelemetry.MeterName, "bot.activity.duration");
        using var connectorCalls = new MetricCollector<long>(meters, BotFrameworkTelemetry.MeterName, "bot.connector.calls");
        using var storageCalls = new MetricCollector<long>(meters, StorageTelemetry.MeterName, "storage.calls");
        var person = _traced.World.Person("Mittari Mittaaja");

        await _traced.SayAsync(person, "mitä kuuluu");

        var message = Assert.Single(received.GetMeasurementSnapshot());
        Assert.Equal(1, message.Value);
        Assert.Equal("message", message.Tags["bot.activity.type"]);
        Assert.Equal("authenticated", message.Tags["bot.outcome"]);
        Assert.Equal(200, message.Tags["http.response.status_code"]);
        Assert.True(Assert.Single(activityDuration.GetMeasurementSnapshot()).Value > 0);
        Assert.Contains(connectorCalls.GetMeasurementSnapshot(), call => call.Tags["bot.outcome"] as string == "succeeded" && call.Tags.ContainsKey("bot.connector.operation"));
        Assert.Contains(storageCalls.GetMeasurementSnapshot(), call => (call.Tags["storage.table"] as string)?.StartsWith(_traced.World.App.TablePrefix, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_body_that_is_not_an_activity_is_counted_as_malformed()
    {
        var meters = _traced.World.App.Services.GetRequiredService<IMeterFactory>();
        using var received = new MetricCollector<long>(meters, BotFrameworkTelemetry.MeterName, "bot.activities.received");
        using var client = _traced.World.App.CreateClient();
        using var content = new StringContent("{\"text\":\"not an activity\"}", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);

        var refused = Assert.Single(received.GetMeasurementSnapshot());
        Assert.Equal("malformed", refused.Tags["bot.outcome"]);
        Assert.Equal("none", refused.Tags["bot.activity.type"]);
        Assert.Equal(400, refused.Tags["http.response.status_code"]);
    }
}
