using System.Net;
using System.Net.Sockets;
using PeerSupportBot.BotFramework.Connector;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Tests.Connector;

public sealed class ConnectorClientNoAnswerTests
{
    [Fact]
    public async Task A_connector_that_cannot_be_reached_is_retried_then_surfaces_as_a_ConnectorException()
    {
        // A port that was free a moment ago: connecting is refused, every time.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var tokens = new CountingTokenProvider();
        await using var host = ConnectorTestHost.Create(tokens);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() =>
            host.Client.SendToConversationAsync(new Uri($"http://127.0.0.1:{port}/"), "a:1", new Activity { Type = ActivityTypes.Message }));

        Assert.IsType<HttpRequestException>(failure.InnerException);
        Assert.Equal(1 + 3, tokens.Calls);
    }
}
