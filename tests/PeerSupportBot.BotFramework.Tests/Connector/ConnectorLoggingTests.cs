using PeerSupportBot.BotFramework.Connector;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Testing;

namespace PeerSupportBot.BotFramework.Tests.Connector;

public sealed class ConnectorLoggingTests
{
    [Fact]
    public async Task Logs_name_the_operation_and_outcome_but_never_ids_bodies_or_tokens()
    {
        await using var server = await FakeConnectorServer.StartAsync();
        await using var host = ConnectorTestHost.Create(new CountingTokenProvider());
        var attempts = 0;
        server.Respond = request => request.Method switch
        {
            "POST" when Interlocked.Increment(ref attempts) == 1 => new FakeResponse(503),
            "GET" => new FakeResponse(404, "{\"error\":{\"code\":\"MemberNotFoundInConversation\",\"message\":\"secret-detail\"}}"),
            "PUT" => new FakeResponse(403, "{\"error\":{\"code\":\"ConversationBlockedByUser\",\"message\":\"secret-detail\"}}"),
            _ => null,
        };
        var activity = new Activity { Type = ActivityTypes.Message, Text = "secret-text" };

        await host.Client.SendToConversationAsync(server.ServiceUrl, "a:secret-conversation", activity);
        await Assert.ThrowsAsync<ConnectorException>(() => host.Client.GetMemberAsync(server.ServiceUrl, "a:secret-conversation", "29:secret-member"));
        await host.Client.UpdateActivityAsync(server.ServiceUrl, "a:secret-conversation", "secret-activity", activity);

        var logs = host.Logs;
        Assert.Contains(logs, log => log.Id.Id == 3001 && log.Message.Contains("SendToConversation", StringComparison.Ordinal) && log.Message.Contains("503", StringComparison.Ordinal));
        Assert.Contains(logs, log => log.Id.Id == 3002 && log.Message.Contains("GetMember", StringComparison.Ordinal) && log.Message.Contains("MemberNotFoundInConversation", StringComparison.Ordinal));
        Assert.Contains(logs, log => log.Id.Id == 3003 && log.Message.Contains("UpdateActivity", StringComparison.Ordinal));
        var everything = string.Join('\n', logs.Select(log => log.Message + " " + string.Join(' ', log.StructuredState?.Select(pair => pair.Value) ?? [])));
        Assert.DoesNotContain("secret", everything, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("token-", everything, StringComparison.Ordinal);
    }
}
