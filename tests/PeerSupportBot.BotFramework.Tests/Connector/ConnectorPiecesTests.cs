using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeerSupportBot.BotFramework.Connector;

namespace PeerSupportBot.BotFramework.Tests.Connector;

public sealed class ConnectorPiecesTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Cap = TimeSpan.FromSeconds(30);

    private static HttpResponseMessage TooManyRequests(RetryConditionHeaderValue? retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = retryAfter;
        return response;
    }

    [Fact]
    public void Retry_After_in_seconds_is_the_wait()
    {
        using var response = TooManyRequests(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)));

        Assert.Equal(TimeSpan.FromSeconds(7), ConnectorResilience.RetryAfterDelay(response, Now, Cap));
    }

    [Fact]
    public void Retry_After_as_a_date_waits_until_that_date()
    {
        using var response = TooManyRequests(new RetryConditionHeaderValue(Now.AddSeconds(12)));

        Assert.Equal(TimeSpan.FromSeconds(12), ConnectorResilience.RetryAfterDelay(response, Now, Cap));
    }

    [Fact]
    public void Retry_After_in_the_past_means_retry_now()
    {
        using var response = TooManyRequests(new RetryConditionHeaderValue(Now.AddSeconds(-5)));

        Assert.Equal(TimeSpan.Zero, ConnectorResilience.RetryAfterDelay(response, Now, Cap));
    }

    [Fact]
    public void Retry_After_longer_than_the_cap_is_cut_to_the_cap()
    {
        using var response = TooManyRequests(new RetryConditionHeaderValue(TimeSpan.FromHours(1)));

        Assert.Equal(Cap, ConnectorResilience.RetryAfterDelay(response, Now, Cap));
    }

    [Fact]
    public void Without_Retry_After_the_backoff_decides()
    {
        using var response = TooManyRequests(null);

        Assert.Null(ConnectorResilience.RetryAfterDelay(response, Now, Cap));
        Assert.Null(ConnectorResilience.RetryAfterDelay(null, Now, Cap));
    }

    [Theory]
    [InlineData("{\"errorCode\":209,\"message\":\"{\\\"subCode\\\":\\\"MessageWritesBlocked\\\",\\\"errorCode\\\":null}\"}", "MessageWritesBlocked", true)]
    [InlineData("{\"error\":{\"code\":\"ConversationBlockedByUser\",\"message\":\"User blocked the conversation with the bot.\"}}", "ConversationBlockedByUser", true)]
    [InlineData("{\"error\":{\"code\":\"BadArgument\",\"innerHttpError\":{\"statusCode\":403,\"body\":{\"subCode\":\"MessageWritesBlocked\"}}}}", "BadArgument", true)]
    [InlineData("{\"error\":{\"code\":\"BotNotInConversationRoster\",\"message\":\"MessageWritesBlocked is not a code here\"}}", "BotNotInConversationRoster", true)]
    [InlineData("{\"error\":{\"code\":\"BadArgument\",\"message\":\"MessageWritesBlocked is not a code here\"}}", "BadArgument", false)]
    [InlineData("<html>MessageWritesBlocked</html>", null, false)]
    [InlineData("{\"message\":\"{not json\"}", null, false)]
    [InlineData("", null, false)]
    public void Error_bodies_are_read_for_codes_never_for_message_text(string body, string? primaryCode, bool blocked)
    {
        var error = ConnectorErrorBody.Parse(body);

        Assert.Equal(primaryCode, error.PrimaryCode);
        Assert.Equal(blocked, error.SaysRecipientUnreachable);
    }

    [Fact]
    public void Multi_tenant_tokens_come_from_the_bot_framework_tenant_and_single_tenant_from_its_own()
    {
        var options = new BotFrameworkOptions { MicrosoftAppTenantId = "contoso-tenant" };
        Assert.Equal("https://login.microsoftonline.com/botframework.com", ClientSecretTokenSource.Authority(options).AbsoluteUri);

        options.MicrosoftAppType = BotAppType.SingleTenant;
        Assert.Equal("https://login.microsoftonline.com/contoso-tenant", ClientSecretTokenSource.Authority(options).AbsoluteUri);
    }

    [Theory]
    [InlineData("https://api.botframework.com", "https://api.botframework.com/.default", "https://api.botframework.com")]
    [InlineData("https://api.botframework.com/", "https://api.botframework.com/.default", "https://api.botframework.com")]
    [InlineData("https://api.botframework.com/.default", "https://api.botframework.com/.default", "https://api.botframework.com")]
    public void The_scope_gets_default_and_the_managed_identity_resource_does_not(string configured, string scope, string resource)
    {
        Assert.Equal(scope, ClientSecretTokenSource.DefaultScope(configured));
        Assert.Equal(resource, ManagedIdentityTokenSource.Resource(configured));
    }

    [Theory]
    [InlineData("Connector:MaxRetries", "-1")]
    [InlineData("Connector:RetryBaseDelay", "00:00:00")]
    [InlineData("Connector:AttemptTimeout", "00:01:00")]
    [InlineData("Connector:TokenRefreshMargin", "-00:01:00")]
    public async Task Invalid_connector_options_fail_at_start_up(string key, string value)
    {
        await using var host = ConnectorTestHost.Create(settings: new Dictionary<string, string?> { [key] = value });

        var validator = host.Services.GetRequiredService<IStartupValidator>();

        Assert.Throws<OptionsValidationException>(validator.Validate);
    }

    [Fact]
    public async Task The_test_settings_themselves_are_valid()
    {
        await using var host = ConnectorTestHost.Create();

        host.Services.GetRequiredService<IStartupValidator>().Validate();
    }
}
