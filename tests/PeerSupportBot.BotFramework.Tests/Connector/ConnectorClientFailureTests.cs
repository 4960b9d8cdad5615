using Stopwatch = System.Diagnostics.Stopwatch;
using System.Net;
using PeerSupportBot.BotFramework.Connector;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Testing;

namespace PeerSupportBot.BotFramework.Tests.Connector;

public sealed class ConnectorClientFailureTests : IAsyncLifetime
{
    // The documented answer to a proactive message after a person blocked or removed the app:
    // the subCode sits in JSON inside the message string.
    private const string MessageWritesBlockedBody =
        "{\"errorCode\":209,\"message\":\"{\\r\\n  \\\"subCode\\\": \\\"MessageWritesBlocked\\\",\\r\\n  \\\"details\\\": \\\"Thread is blocked from message writes.\\\",\\r\\n  \\\"errorCode\\\": null,\\r\\n  \\\"errorSubCode\\\": null\\r\\n}\"}";

    private FakeConnectorServer _server = null!;
    private ConnectorTestHost _host = null!;

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

    private static Activity Message() => new() { Type = ActivityTypes.Message, Text = "hello" };

    private static FakeResponse Status(int status, string? body = null, string? retryAfter = null) =>
        new(status, body, retryAfter is null ? null : new Dictionary<string, string> { ["Retry-After"] = retryAfter });

    [Fact]
    public async Task A_429_is_retried_after_the_wait_Retry_After_asks_for()
    {
        _server.Respond = _ => _server.Requests.Count == 1 ? Status(429, "{\"error\":{\"code\":\"Throttled\"}}", retryAfter: "1") : null;
        var clock = Stopwatch.StartNew();

        var result = await _host.Client.SendToConversationAsync(_server.ServiceUrl, "a:1", Message());

        Assert.True(result.Succeeded);
        Assert.Equal(2, _server.Requests.Count);
        // The configured backoff is 10 ms; only Retry-After explains a wait near a second.
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"retried after {clock.Elapsed}");
    }

    [Theory]
    [InlineData(412)]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_retryable_status_is_tried_four_times_then_surfaces_with_its_status(int status)
    {
        _server.Respond = _ => Status(status, "{\"error\":{\"code\":\"ServiceError\",\"message\":\"x\"}}");

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => _host.Client.SendToConversationAsync(_server.ServiceUrl, "a:1", Message()));

        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Equal("ServiceError", failure.ErrorCode);
        Assert.Equal(1 + 3, _server.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(500)]
    public async Task A_final_status_is_not_retried(int status)
    {
        _server.Respond = _ => Status(status);

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => _host.Client.GetMemberAsync(_server.ServiceUrl, "a:1", "29:1"));

        Assert.Equal((HttpStatusCode)status, failure.StatusCode);
        Assert.Null(failure.ErrorCode);
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task A_403_MessageWritesBlocked_means_the_recipient_is_unreachable()
    {
        _server.Respond = _ => Status(403, MessageWritesBlockedBody);

        var result = await _host.Client.CreateConversationAsync(_server.ServiceUrl, new ConversationParameters { Members = [new ChannelAccount { Id = "29:1" }] });

        Assert.True(result.RecipientUnreachable);
        Assert.False(result.Succeeded);
        Assert.Single(_server.Requests);
    }

    [Theory]
    [InlineData("{\"error\":{\"code\":\"ConversationBlockedByUser\",\"message\":\"User blocked the conversation with the bot.\"}}")]
    [InlineData("{\"error\":{\"code\":\"Forbidden\",\"subCode\":\"MessageWritesBlocked\"}}")]
    [InlineData("{\"error\":{\"code\":\"MessageWritesBlocked\",\"message\":\"Thread is blocked from message writes.\"}}")]
    public async Task Every_known_blocked_shape_means_the_recipient_is_unreachable(string body)
    {
        _server.Respond = _ => Status(403, body);

        var sent = await _host.Client.SendToConversationAsync(_server.ServiceUrl, "a:1", Message());
        var deleted = await _host.Client.DeleteActivityAsync(_server.ServiceUrl, "a:1", "1");

        Assert.True(sent.RecipientUnreachable);
        Assert.True(deleted.RecipientUnreachable);
    }

    [Theory]
    [InlineData(403, "{\"error\":{\"code\":\"ForbiddenOperationException\",\"message\":\"Bot is not installed in user's personal scope\"}}")]
    [InlineData(403, "{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"The bot isn't part of the conversation roster.\"}}")]
    [InlineData(403, "{\"error\":{\"code\":\"BotDisabledByAdmin\",\"message\":\"The tenant admin disabled this bot\"}}")]
    [InlineData(403, "")]
    [InlineData(403, "{\"error\":{\"code\":\"Forbidden\"}}")]
    [InlineData(404, "{\"error\":{\"code\":\"ConversationNotFound\",\"message\":\"Conversation not found.\"}}")]
    public async Task Every_way_Teams_says_you_cannot_post_here_means_unreachable_not_an_exception(int status, string body)
    {
        _server.Respond = _ => Status(status, body);

        var sent = await _host.Client.SendToConversationAsync(_server.ServiceUrl, "a:1", Message());
        var created = await _host.Client.CreateConversationAsync(_server.ServiceUrl, new ConversationParameters { Members = [new ChannelAccount { Id = "29:1" }] });

        Assert.True(sent.RecipientUnreachable);
        Assert.True(created.RecipientUnreachable);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task A_404_for_anything_but_a_missing_conversation_stays_an_exception()
    {
        _server.Respond = _ => Status(404, "{\"error\":{\"code\":\"MemberNotFoundInConversation\"}}");

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => _host.Client.GetMemberAsync(_server.ServiceUrl, "a:1", "29:1"));

        Assert.Equal(HttpStatusCode.NotFound, failure.StatusCode);
        Assert.Equal("MemberNotFoundInConversation", failure.ErrorCode);
    }

    [Fact]
    public async Task A_blocked_code_on_a_status_other_than_403_is_not_read_as_unreachable()
    {
        _server.Respond = _ => Status(400, "{\"error\":{\"code\":\"ConversationBlockedByUser\"}}");

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => _host.Client.SendToConversationAsync(_server.ServiceUrl, "a:1", Message()));

        Assert.Equal(HttpStatusCode.BadRequest, failure.StatusCode);
    }

    [Fact]
    public async Task A_success_whose_body_is_not_json_is_an_exception()
    {
        _server.Respond = _ => new FakeResponse(200, "<html>proxy</html>", new Dictionary<string, string> { ["Content-Type"] = "text/html" });

        await Assert.ThrowsAsync<ConnectorException>(() => _host.Client.GetMemberAsync(_server.ServiceUrl, "a:1", "29:1"));
    }

    [Fact]
    public async Task A_send_answered_with_an_empty_body_still_succeeds()
    {
        _server.Respond = _ => new FakeResponse(201);

        var result = await _host.Client.SendToConversationAsync(_server.ServiceUrl, "a:1", Message());

        Assert.True(result.Succeeded);
        Assert.Null(result.Value?.Id);
    }
}
