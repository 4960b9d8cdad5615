using PeerSupportBot.BotFramework.Authentication;

namespace PeerSupportBot.BotFramework.Tests.Authentication;

/// <summary>Unknown key ids: keys rotate, so refetch once; but not for every stranger.</summary>
public sealed class KeyRotationEndpointTests : EndpointAuthenticationTestBase
{
    [Fact]
    public async Task A_token_signed_by_an_unlisted_key_is_rejected_after_one_metadata_refresh()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);
        using var stranger = new TestSigningKey("unlisted-key", "msteams");

        var status = await bot.PostAsync(TestTokens.Bearer(TestTokens.Channel(stranger)));

        AssertRefused(bot, status, FailureReasons.UnknownKeyId);
        Assert.Equal(2, Provider.MetadataFetches(FakeOpenIdProvider.ChannelMetadataUrl));
    }

    [Fact]
    public async Task A_rotated_in_key_is_accepted_on_its_first_use()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);
        AssertAccepted(bot, await bot.PostAsync(TestTokens.Bearer(TestTokens.Channel(ChannelKey))));
        using var rotated = new TestSigningKey("channel-key-2", "msteams");
        Provider.PublishChannelKey(rotated);

        var status = await bot.PostAsync(TestTokens.Bearer(TestTokens.Channel(rotated)));

        Assert.Equal(200, status);
        Assert.Equal(2, bot.Handled.Activities.Count);
        Assert.Equal(2, Provider.MetadataFetches(FakeOpenIdProvider.ChannelMetadataUrl));
    }

    [Fact]
    public async Task Unknown_key_ids_refetch_the_metadata_at_most_once_per_five_minutes()
    {
        await using var bot = await BotTestHost.StartAsync(Provider);
        using var stranger = new TestSigningKey("unlisted-key", "msteams");
        var token = TestTokens.Bearer(TestTokens.Channel(stranger));

        await bot.PostAsync(token);
        await bot.PostAsync(token);
        await bot.PostAsync(token);
        Assert.Equal(2, Provider.MetadataFetches(FakeOpenIdProvider.ChannelMetadataUrl));

        bot.Clock.Advance(OpenIdMetadataCache.MinRefreshInterval);
        await bot.PostAsync(token);
        Assert.Equal(3, Provider.MetadataFetches(FakeOpenIdProvider.ChannelMetadataUrl));
    }
}
