using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.BotFramework.Authentication;

namespace PeerSupportBot.BotFramework.Tests.Authentication;

public sealed class OpenIdMetadataCacheTests : IDisposable
{
    private readonly FakeOpenIdProvider provider = new();
    private readonly TestSigningKey key = new("channel-key-1", "msteams");
    private readonly FakeTimeProvider clock = new(TestTokens.Now);
    private readonly ServiceProvider services;
    private readonly OpenIdMetadataCache cache;

    public OpenIdMetadataCacheTests()
    {
        provider.PublishChannelKey(key);
        var collection = new ServiceCollection();
        collection.AddHttpClient(BotAuthenticationDefaults.MetadataHttpClientName).ConfigurePrimaryHttpMessageHandler(provider.CreateHandler);
        services = collection.BuildServiceProvider();
        cache = new OpenIdMetadataCache(FakeOpenIdProvider.ChannelMetadataUrl, services.GetRequiredService<IHttpClientFactory>(), clock, NullLogger.Instance);
    }

    private int Fetches => provider.MetadataFetches(FakeOpenIdProvider.ChannelMetadataUrl);

    [Fact]
    public async Task The_metadata_and_its_keys_are_fetched_once_and_then_served_from_the_cache()
    {
        var first = await cache.GetAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(11));
        var second = await cache.GetAsync(CancellationToken.None);

        Assert.Equal("channel-key-1", Assert.Single(first.JsonWebKeySet.Keys).Kid);
        Assert.Same(first, second);
        Assert.Equal(1, Fetches);
    }

    [Fact]
    public async Task The_keys_are_refetched_once_they_are_twelve_hours_old()
    {
        await cache.GetAsync(CancellationToken.None);
        using var rotated = new TestSigningKey("channel-key-2");
        provider.PublishChannelKey(rotated);

        clock.Advance(OpenIdMetadataCache.MaxAge);
        var refreshed = await cache.GetAsync(CancellationToken.None);

        Assert.Equal(2, Fetches);
        Assert.Contains(refreshed.JsonWebKeySet.Keys, jwk => jwk.Kid == "channel-key-2");
    }

    [Fact]
    public async Task An_unknown_key_refetches_at_once_but_then_not_again_for_five_minutes()
    {
        await cache.GetAsync(CancellationToken.None);

        await cache.RefreshForUnknownKeyAsync(CancellationToken.None);
        await cache.RefreshForUnknownKeyAsync(CancellationToken.None);
        clock.Advance(OpenIdMetadataCache.MinRefreshInterval - TimeSpan.FromSeconds(1));
        await cache.RefreshForUnknownKeyAsync(CancellationToken.None);
        Assert.Equal(2, Fetches);

        clock.Advance(TimeSpan.FromSeconds(1));
        await cache.RefreshForUnknownKeyAsync(CancellationToken.None);
        Assert.Equal(3, Fetches);
    }

    [Fact]
    public async Task When_a_refetch_fails_the_stale_keys_are_kept_and_retried_after_five_minutes()
    {
        var original = await cache.GetAsync(CancellationToken.None);
        provider.Unavailable = true;
        clock.Advance(OpenIdMetadataCache.MaxAge);

        Assert.Same(original, await cache.GetAsync(CancellationToken.None));
        var afterFailedAttempt = Fetches; // IdentityModel itself retries a 503 once
        Assert.True(afterFailedAttempt > 1);
        Assert.Same(original, await cache.GetAsync(CancellationToken.None));
        Assert.Equal(afterFailedAttempt, Fetches);

        provider.Unavailable = false;
        clock.Advance(OpenIdMetadataCache.MinRefreshInterval);
        Assert.NotSame(original, await cache.GetAsync(CancellationToken.None));
        Assert.Equal(afterFailedAttempt + 1, Fetches);
    }

    [Fact]
    public async Task With_no_copy_at_all_a_failed_fetch_throws()
    {
        provider.Unavailable = true;

        await Assert.ThrowsAnyAsync<IOException>(() => cache.GetAsync(CancellationToken.None));
    }

    public void Dispose()
    {
        cache.Dispose();
        services.Dispose();
        key.Dispose();
    }
}
