using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Testing;

namespace PeerSupportBot.BotFramework.Tests.Connector;

public sealed class ConnectorClockTests
{
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_Retry_After_wait_runs_on_the_injected_clock()
    {
        await using var server = await FakeConnectorServer.StartAsync();
        server.Respond = _ => server.Requests.Count == 1
            ? new FakeResponse(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "10" })
            : null;
        var time = new WatchedClock(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await using var host = ConnectorTestHost.Create(new CountingTokenProvider(), new Dictionary<string, string?> { ["Connector:MaxRetryDelay"] = "00:00:20" }, time);

        var sending = host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", new Activity { Type = ActivityTypes.Message });
        await server.WaitForRequestAsync(_ => true, SignalTimeout);
        // The client answers the 429 by starting a 10 s wait on the injected clock: that is the signal.
        await time.WaitStartedAsync(RetryAfter).WaitAsync(SignalTimeout);
        Assert.Equal(0, time.Fired(RetryAfter));
        Assert.False(sending.IsCompleted);
        Assert.Single(server.Requests);

        time.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(0, time.Fired(RetryAfter));
        Assert.Single(server.Requests);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, time.Fired(RetryAfter));
        var result = await sending.WaitAsync(SignalTimeout);

        Assert.True(result.Succeeded);
        Assert.Equal(2, server.Requests.Count);
    }
}
