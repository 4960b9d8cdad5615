using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PeerSupportBot.BotFramework.Authentication;

namespace PeerSupportBot.BotFramework.Tests.Authentication;

/// <summary>No MicrosoftAppId: loopback callers only, and the start-up log says so.</summary>
public sealed class DevelopmentModeEndpointTests : EndpointAuthenticationTestBase
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task A_loopback_caller_is_accepted_without_a_token(string address)
    {
        await using var bot = await BotTestHost.StartAsync(Provider, appId: null);

        AssertAccepted(bot, await bot.PostAsync(authorization: null, IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("::ffff:203.0.113.7")]
    [InlineData("2001:db8::7")]
    public async Task A_remote_caller_is_rejected_even_with_a_valid_token(string address)
    {
        await using var bot = await BotTestHost.StartAsync(Provider, appId: null);

        var status = await bot.PostAsync(TestTokens.Bearer(TestTokens.Channel(ChannelKey)), IPAddress.Parse(address));

        AssertRefused(bot, status, FailureReasons.NotLoopback);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7;proto=https")]
    [InlineData("X-Original-For", "203.0.113.7:443")]
    [InlineData("X-Forwarded-For", "127.0.0.1")]
    public async Task A_loopback_request_relayed_by_a_proxy_is_refused_and_the_header_named_in_the_log(string header, string value)
    {
        await using var bot = await BotTestHost.StartAsync(Provider, appId: null);

        var status = await bot.PostAsync(authorization: null, IPAddress.Loopback, headers: new Dictionary<string, string> { [header] = value });

        AssertRefused(bot, status, FailureReasons.Relayed(header));
        Assert.DoesNotContain(bot.Logs.GetSnapshot(), record => record.Message.Contains(value, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    [InlineData("Testing")]
    public async Task An_empty_app_id_outside_Development_fails_start_up_with_a_clear_message(string environment)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => BotTestHost.StartAsync(Provider, appId: null, environment: environment));

        Assert.Contains("allowed only when the environment is Development", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_of_unknown_address_is_rejected()
    {
        await using var bot = await BotTestHost.StartAsync(Provider, appId: null);

        AssertRefused(bot, await bot.PostAsync(authorization: null, remoteAddress: null), FailureReasons.NotLoopback);
    }

    [Fact]
    public async Task With_an_app_id_a_loopback_caller_still_needs_a_token()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);

        AssertRefused(bot, await bot.PostAsync(authorization: null, IPAddress.Loopback), FailureReasons.NoBearerToken);
    }

    [Fact]
    public async Task Start_up_warns_once_that_only_loopback_is_accepted()
    {
        await using var bot = await BotTestHost.StartAsync(Provider, appId: null);

        var warning = Assert.Single(bot.Logs.GetSnapshot(), record => record.Id.Id == 2001);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Equal("no MicrosoftAppId: accepting unauthenticated requests from loopback only", warning.Message);
    }

    [Fact]
    public async Task Start_up_with_an_app_id_does_not_warn()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);

        Assert.DoesNotContain(bot.Logs.GetSnapshot(), record => record.Id.Id == 2001);
        Assert.Contains(bot.Logs.GetSnapshot(), record => record.Id.Id == 2002);
    }
}
