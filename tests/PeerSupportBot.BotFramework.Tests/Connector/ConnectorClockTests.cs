using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Testing;

namespace PeerSupportBot.BotFramework.Tests.Connector;

public sealed class ConnectorClockTests
{
    [Fact]
    public async Task The_Retry_After_wait_runs_on_the_injected_clock()
    {
        await using var server = await FakeConnectorServer.StartAsync();
        server.Respond = _ => server.Requests.Count == 1
            ? new FakeResponse(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "10" })
            : null;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = ConnectorTestHost.Create(new CountingTokenProvider(), new Dictionary<string, string?> { ["Connector:MaxRetryDelay"] = "00:00:20" }, time);

        var sending = host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", new Activity { Type = ActivityTypes.Message });
        await server.WaitForRequestAsync(_ => true, TimeSpan.FromSeconds(5));
        await Task.Delay(200);
        Assert.False(sending.IsCompleted);
        Assert.Single(server.Requests);

        time.Advance(TimeSpan.FromSeconds(9));
        await Task.Delay(200);
        Assert.Single(server.Requests);

        time.Advance(TimeSpan.FromSeconds(1));
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(result.Succeeded);
        Assert.Equal(2, server.Requests.Count);
    }
}
