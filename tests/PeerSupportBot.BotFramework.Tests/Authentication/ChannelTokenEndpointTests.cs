using Microsoft.IdentityModel.Tokens;
using PeerSupportBot.BotFramework.Authentication;

namespace PeerSupportBot.BotFramework.Tests.Authentication;

/// <summary>Bot Framework channel tokens, through the real POST /api/messages.</summary>
public sealed class ChannelTokenEndpointTests : EndpointAuthenticationTestBase
{
    [Fact]
    public async Task A_valid_channel_token_is_accepted_and_the_activity_reaches_the_handler()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);

        var status = await bot.PostAsync(TestTokens.Bearer(TestTokens.Channel(ChannelKey)));

        AssertAccepted(bot, status);
        Assert.Equal("hello", bot.Handled.Activities.Single().Text);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha384)]
    [InlineData(SecurityAlgorithms.RsaSha512)]
    public async Task RS384_and_RS512_signatures_are_accepted_too(string algorithm)
    {
        await using var bot = await BotTestHost.StartAsync(Provider);
        var token = TestTokens.Channel(ChannelKey);
        token.SigningCredentials = ChannelKey.Credentials(algorithm);

        AssertAccepted(bot, await bot.PostAsync(TestTokens.Bearer(token)));
    }

    [Theory]
    [InlineData("https://api.botframework.com/")]
    [InlineData("https://api.botframework.evil")]
    [InlineData("https://sts.windows.net/00000000-0000-0000-0000-000000000000/")]
    public async Task A_token_from_an_untrusted_issuer_is_rejected(string issuer)
    {
        await using var bot = await BotTestHost.StartAsync(Provider);
        var token = TestTokens.Channel(ChannelKey);
        token.Issuer = issuer;

        AssertRefused(bot, await bot.PostAsync(TestTokens.Bearer(token)), FailureReasons.UntrustedIssuer);
    }

    [Fact]
    public async Task A_token_for_another_bot_is_rejected()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);
        var token = TestTokens.Channel(ChannelKey);
        token.Audience = TestTokens.OtherAppId;

        AssertRefused(bot, await bot.PostAsync(TestTokens.Bearer(token)), FailureReasons.WrongAudience);
    }

    [Fact]
    public async Task A_token_expired_more_than_five_minutes_ago_is_rejected()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);
        var token = TestTokens.Channel(ChannelKey);
        token.IssuedAt = token.NotBefore = TestTokens.Now.AddHours(-1).UtcDateTime;
        token.Expires = TestTokens.Now.AddMinutes(-6).UtcDateTime;

        AssertRefused(bot, await bot.PostAsync(TestTokens.Bearer(token)), FailureReasons.Expired);
    }

    [Fact]
    public async Task A_token_expired_within_the_five_minute_clock_skew_is_accepted()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);
        var token = TestTokens.Channel(ChannelKey);
        token.IssuedAt = token.NotBefore = TestTokens.Now.AddHours(-1).UtcDateTime;
        token.Expires = TestTokens.Now.AddMinutes(-4).UtcDateTime;

        AssertAccepted(bot, await bot.PostAsync(TestTokens.Bearer(token)));
    }

    [Fact]
    public async Task A_token_not_valid_for_more_than_five_minutes_yet_is_rejected()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);
        var token = TestTokens.Channel(ChannelKey);
        token.IssuedAt = token.NotBefore = TestTokens.Now.AddMinutes(6).UtcDateTime;
        token.Expires = TestTokens.Now.AddHours(1).UtcDateTime;

        AssertRefused(bot, await bot.PostAsync(TestTokens.Bearer(token)), FailureReasons.NotYetValid);
    }

    [Fact]
    public async Task A_token_signed_by_an_impostor_key_with_a_listed_key_id_is_rejected()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);
        using var impostor = new TestSigningKey(ChannelKey.KeyId);
        var token = TestTokens.Channel(ChannelKey);
        token.SigningCredentials = impostor.Credentials();

        AssertRefused(bot, await bot.PostAsync(TestTokens.Bearer(token)), FailureReasons.BadSignature);
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_rejected()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);
        var token = TestTokens.Unsigned(ChannelKey, TestTokens.Channel(ChannelKey));

        AssertRefused(bot, await bot.PostAsync("Bearer " + token), FailureReasons.DisallowedAlgorithm);
    }

    [Fact]
    public async Task A_token_whose_signature_was_stripped_is_rejected()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);
        var signed = TestTokens.Mint(TestTokens.Channel(ChannelKey));
        var stripped = signed[..(signed.LastIndexOf('.') + 1)];

        AssertRefused(bot, await bot.PostAsync("Bearer " + stripped), FailureReasons.BadSignature);
    }

    [Fact]
    public async Task A_token_naming_another_service_url_is_rejected()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);
        var token = TestTokens.Channel(ChannelKey);
        token.Claims["serviceurl"] = "https://attacker.example/";

        AssertRefused(bot, await bot.PostAsync(TestTokens.Bearer(token)), FailureReasons.ServiceUrlMismatch);
    }

    [Fact]
    public async Task The_service_url_comparison_ignores_case()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);
        var token = TestTokens.Channel(ChannelKey);
        token.Claims["serviceurl"] = TestTokens.ServiceUrl.ToUpperInvariant();

        AssertAccepted(bot, await bot.PostAsync(TestTokens.Bearer(token)));
    }

    [Fact]
    public async Task A_channel_token_without_a_serviceurl_claim_is_rejected()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);
        var token = TestTokens.Channel(ChannelKey);
        token.Claims.Remove("serviceurl");

        AssertRefused(bot, await bot.PostAsync(TestTokens.Bearer(token)), FailureReasons.ServiceUrlMismatch);
    }

    [Fact]
    public async Task A_key_endorsed_only_for_other_channels_cannot_sign_for_msteams()
    {
        using var webChatKey = new TestSigningKey("webchat-key", "webchat", "directline");
        Provider.PublishChannelKey(webChatKey);
        await using var bot = await BotTestHost.StartAsync(Provider);

        var status = await bot.PostAsync(TestTokens.Bearer(TestTokens.Channel(webChatKey)), channelId: "msteams");

        AssertRefused(bot, status, FailureReasons.NotEndorsed);
    }

    [Fact]
    public async Task A_key_without_endorsements_may_sign_for_any_channel()
    {
        using var unrestricted = new TestSigningKey("unrestricted-key", endorsements: null);
        Provider.PublishChannelKey(unrestricted);
        await using var bot = await BotTestHost.StartAsync(Provider);

        AssertAccepted(bot, await bot.PostAsync(TestTokens.Bearer(TestTokens.Channel(unrestricted))));
    }

    [Fact]
    public async Task A_channel_token_signed_with_an_Entra_key_is_rejected_because_key_sets_are_per_issuer()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);

        var status = await bot.PostAsync(TestTokens.Bearer(TestTokens.Channel(EntraKey)));

        AssertRefused(bot, status, FailureReasons.UnknownKeyId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    [InlineData("Bearer not-a-jwt")]
    public async Task A_request_without_a_bearer_JWT_is_rejected_when_an_app_id_is_configured(string? authorization)
    {
        await using var bot = await BotTestHost.StartAsync(Provider);

        var status = await bot.PostAsync(authorization);

        Assert.Equal(401, status);
        Assert.Empty(bot.Handled.Activities);
        Assert.Single(bot.RefusalReasons(), reason => reason is FailureReasons.NoBearerToken or FailureReasons.MalformedToken);
    }

    [Fact]
    public async Task When_the_metadata_cannot_be_fetched_every_token_is_rejected()
    {
        Provider.Unavailable = true;
        await using var bot = await BotTestHost.StartAsync(Provider);

        var status = await bot.PostAsync(TestTokens.Bearer(TestTokens.Channel(ChannelKey)));

        AssertRefused(bot, status, FailureReasons.MetadataUnavailable);
    }
}
