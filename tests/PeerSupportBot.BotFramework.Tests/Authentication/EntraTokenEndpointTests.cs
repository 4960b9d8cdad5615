using PeerSupportBot.BotFramework.Authentication;

namespace PeerSupportBot.BotFramework.Tests.Authentication;

/// <summary>Entra-issued tokens (emulator, single-tenant channels), through the real endpoint.</summary>
public sealed class EntraTokenEndpointTests : EndpointAuthenticationTestBase
{
    private const string OwnTenant = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    // The Entra path is off unless switched on; these tests are about what it checks once on.
    private static readonly Dictionary<string, string?> EntraOn = new() { ["AcceptEntraTokens"] = "true" };

    [Fact]
    public async Task An_entra_token_is_refused_unless_the_entra_path_is_switched_on()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);

        var status = await bot.PostAsync(TestTokens.Bearer(TestTokens.EntraV1(EntraKey)));

        AssertRefused(bot, status, FailureReasons.EntraTokensOff);
    }

    [Fact]
    public async Task A_v1_token_whose_appid_is_this_bot_is_accepted()
    {
        await using var bot = await BotTestHost.StartAsync(Provider, settings: EntraOn);

        AssertAccepted(bot, await bot.PostAsync(TestTokens.Bearer(TestTokens.EntraV1(EntraKey))));
    }

    [Fact]
    public async Task A_v1_token_requested_by_another_app_is_rejected()
    {
        await using var bot = await BotTestHost.StartAsync(Provider, settings: EntraOn);

        var status = await bot.PostAsync(TestTokens.Bearer(TestTokens.EntraV1(EntraKey, appIdClaim: TestTokens.OtherAppId)));

        AssertRefused(bot, status, FailureReasons.WrongAuthorizedParty);
    }

    [Fact]
    public async Task A_v2_token_whose_azp_is_this_bot_is_accepted()
    {
        await using var bot = await BotTestHost.StartAsync(Provider, settings: EntraOn);

        AssertAccepted(bot, await bot.PostAsync(TestTokens.Bearer(TestTokens.EntraV2(EntraKey))));
    }

    [Fact]
    public async Task A_v2_token_requested_by_another_app_is_rejected()
    {
        await using var bot = await BotTestHost.StartAsync(Provider, settings: EntraOn);

        var status = await bot.PostAsync(TestTokens.Bearer(TestTokens.EntraV2(EntraKey, authorizedParty: TestTokens.OtherAppId)));

        AssertRefused(bot, status, FailureReasons.WrongAuthorizedParty);
    }

    [Fact]
    public async Task A_v2_token_is_judged_by_azp_not_by_an_appid_claim()
    {
        await using var bot = await BotTestHost.StartAsync(Provider, settings: EntraOn);
        var token = TestTokens.EntraV2(EntraKey, authorizedParty: TestTokens.OtherAppId);
        token.Claims["appid"] = TestTokens.AppId;

        AssertRefused(bot, await bot.PostAsync(TestTokens.Bearer(token)), FailureReasons.WrongAuthorizedParty);
    }

    [Fact]
    public async Task An_Entra_token_for_another_audience_is_rejected()
    {
        await using var bot = await BotTestHost.StartAsync(Provider, settings: EntraOn);
        var token = TestTokens.EntraV1(EntraKey);
        token.Audience = TestTokens.OtherAppId;

        AssertRefused(bot, await bot.PostAsync(TestTokens.Bearer(token)), FailureReasons.WrongAudience);
    }

    [Fact]
    public async Task An_Entra_token_signed_with_a_channel_key_is_rejected()
    {
        await using var bot = await BotTestHost.StartAsync(Provider, settings: EntraOn);

        var status = await bot.PostAsync(TestTokens.Bearer(TestTokens.EntraV1(ChannelKey)));

        AssertRefused(bot, status, FailureReasons.UnknownKeyId);
    }

    [Fact]
    public async Task The_bots_own_tenant_is_trusted_when_configured()
    {
        await using var bot = await BotTestHost.StartAsync(Provider, tenantId: OwnTenant, settings: EntraOn);

        AssertAccepted(bot, await bot.PostAsync(TestTokens.Bearer(TestTokens.EntraV2(EntraKey, tenant: OwnTenant))));
    }

    [Fact]
    public async Task Another_tenant_is_not_trusted()
    {
        await using var bot = await BotTestHost.StartAsync(Provider, settings: EntraOn);

        var status = await bot.PostAsync(TestTokens.Bearer(TestTokens.EntraV2(EntraKey, tenant: OwnTenant)));

        AssertRefused(bot, status, FailureReasons.UntrustedIssuer);
    }
}
