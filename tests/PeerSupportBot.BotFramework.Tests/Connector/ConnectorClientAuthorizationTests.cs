using PeerSupportBot.BotFramework.Connector;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Testing;

namespace PeerSupportBot.BotFramework.Tests.Connector;

public sealed class ConnectorClientAuthorizationTests
{
    private static Activity Message() => new() { Type = ActivityTypes.Message, Text = "hello" };

    [Fact]
    public async Task Every_call_carries_the_bearer_token_from_the_provider()
    {
        await using var server = await FakeConnectorServer.StartAsync();
        var tokens = new CountingTokenProvider();
        await using var host = ConnectorTestHost.Create(tokens);

        await host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Message());
        await host.Client.GetMemberAsync(server.ServiceUrl, "a:1", "29:1");

        Assert.Equal(["Bearer token-1", "Bearer token-2"], server.Requests.Select(request => request.Authorization));
        Assert.Equal(2, tokens.Calls);
    }

    [Fact]
    public async Task A_retry_asks_for_the_token_again_and_sends_the_same_body()
    {
        await using var server = await FakeConnectorServer.StartAsync();
        server.Respond = request => server.Requests.Count == 1 ? new FakeResponse(503) : null;
        var tokens = new CountingTokenProvider();
        await using var host = ConnectorTestHost.Create(tokens);

        var result = await host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Message());

        Assert.True(result.Succeeded);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], server.Requests.Select(request => request.Authorization));
        Assert.Equal(server.Requests[0].Body, server.Requests[1].Body);
        Assert.Contains("\"hello\"", server.Requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_development_sends_no_authorization_header_at_all()
    {
        await using var server = await FakeConnectorServer.StartAsync();
        await using var host = ConnectorTestHost.Create(settings: new Dictionary<string, string?> { ["MicrosoftAppId"] = "" });

        var result = await host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Message());

        Assert.True(result.Succeeded);
        Assert.Null(Assert.Single(server.Requests).Authorization);
    }

    [Theory]
    [InlineData("MultiTenant")]
    [InlineData("SingleTenant")]
    [InlineData("UserAssignedMSI")]
    public async Task A_configured_app_id_selects_a_caching_token_provider(string appType)
    {
        await using var host = ConnectorTestHost.Create(settings: new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = appType,
            ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppTenantId"] = "00000000-0000-0000-0000-000000000002",
        });

        Assert.IsType<CachingBotTokenProvider>(host.Services.GetService(typeof(IBotTokenProvider)));
    }

    [Fact]
    public async Task No_app_id_selects_no_token()
    {
        await using var host = ConnectorTestHost.Create(settings: new Dictionary<string, string?> { ["MicrosoftAppType"] = "MultiTenant" });

        var provider = (IBotTokenProvider)host.Services.GetService(typeof(IBotTokenProvider))!;

        Assert.Null(await provider.GetTokenAsync(CancellationToken.None));
    }
}

public sealed class ConnectorServiceUrlTrustTests
{
    private static Activity Message() => new() { Type = ActivityTypes.Message, Text = "hello" };

    [Fact]
    public async Task A_bot_with_a_token_never_calls_a_service_url_off_the_allow_list()
    {
        await using var server = await FakeConnectorServer.StartAsync();
        var tokens = new CountingTokenProvider();
        await using var host = ConnectorTestHost.Create(tokens, new Dictionary<string, string?> { ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001", ["MicrosoftAppPassword"] = "x" });

        var sent = await host.Client.SendToConversationAsync(server.ServiceUrl, "a:1", Message());
        var created = await host.Client.CreateConversationAsync(server.ServiceUrl, new ConversationParameters { Members = [new ChannelAccount { Id = "29:1" }] });

        Assert.True(sent.RecipientUnreachable);
        Assert.True(created.RecipientUnreachable);
        Assert.Empty(server.Requests);
        Assert.Equal(0, tokens.Calls);
        Assert.Contains(host.Logs, record => record.Id.Id == 3009);
    }

    [Fact]
    public async Task The_token_handler_itself_refuses_an_untrusted_address_before_asking_for_a_token()
    {
        var tokens = new CountingTokenProvider();
        var policy = new ServiceUrlPolicy(
            Microsoft.Extensions.Options.Options.Create(new ConnectorOptions()),
            Microsoft.Extensions.Options.Options.Create(new BotFrameworkOptions { MicrosoftAppId = "00000000-0000-0000-0000-000000000001" }));
        using var invoker = new HttpMessageInvoker(new BotTokenHandler(tokens, policy) { InnerHandler = new NeverCalledHandler() });

        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            invoker.SendAsync(new HttpRequestMessage(HttpMethod.Post, "https://attacker.example/v3/conversations"), CancellationToken.None));

        Assert.Equal(0, tokens.Calls);
    }

    private sealed class NeverCalledHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("The request should not have been sent.");
    }
}
