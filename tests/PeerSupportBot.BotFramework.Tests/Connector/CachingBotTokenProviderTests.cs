using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.BotFramework.Connector;

namespace PeerSupportBot.BotFramework.Tests.Connector;

public sealed class CachingBotTokenProviderTests : IDisposable
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ScriptedTokenSource _source;
    private readonly CachingBotTokenProvider _provider;

    public CachingBotTokenProviderTests()
    {
        _source = new ScriptedTokenSource(_time, Lifetime);
        _provider = new CachingBotTokenProvider(
            _source,
            _time,
            Options.Create(new ConnectorOptions { TokenRefreshMargin = TimeSpan.FromMinutes(5) }),
            NullLogger<CachingBotTokenProvider>.Instance);
    }

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task One_token_serves_every_call_until_the_refresh_margin()
    {
        var first = await _provider.GetTokenAsync(CancellationToken.None);
        _time.Advance(Lifetime - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        var later = await _provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", first);
        Assert.Equal("token-1", later);
        Assert.Equal(1, _source.Acquisitions);
    }

    [Fact]
    public async Task The_token_is_replaced_five_minutes_before_it_expires()
    {
        await _provider.GetTokenAsync(CancellationToken.None);
        _time.Advance(Lifetime - TimeSpan.FromMinutes(5));

        var refreshed = await _provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-2", refreshed);
        Assert.Equal(2, _source.Acquisitions);
    }

    [Fact]
    public async Task A_short_lived_token_is_kept_for_half_its_life_rather_than_refreshed_on_every_call()
    {
        _source.Lifetime = TimeSpan.FromMinutes(4);
        await _provider.GetTokenAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(1));
        await _provider.GetTokenAsync(CancellationToken.None);
        Assert.Equal(1, _source.Acquisitions);

        _time.Advance(TimeSpan.FromMinutes(1));
        await _provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal(2, _source.Acquisitions);
    }

    [Fact]
    public async Task Callers_arriving_together_share_one_token_request()
    {
        _source.Gate = new TaskCompletionSource();
        var calls = Enumerable.Range(0, 8).Select(_ => _provider.GetTokenAsync(CancellationToken.None).AsTask()).ToArray();
        _source.Gate.SetResult();

        var tokens = await Task.WhenAll(calls);

        Assert.All(tokens, token => Assert.Equal("token-1", token));
        Assert.Equal(1, _source.Acquisitions);
    }

    [Fact]
    public async Task A_failed_refresh_keeps_using_the_still_valid_token_and_tries_again_next_call()
    {
        await _provider.GetTokenAsync(CancellationToken.None);
        _time.Advance(Lifetime - TimeSpan.FromMinutes(4));
        _source.FailNext = true;

        var duringOutage = await _provider.GetTokenAsync(CancellationToken.None);
        var afterOutage = await _provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal("token-1", duringOutage);
        Assert.Equal("token-3", afterOutage);
    }

    [Fact]
    public async Task Without_any_valid_token_a_failure_surfaces_as_a_ConnectorException()
    {
        _source.FailNext = true;

        var failure = await Assert.ThrowsAsync<ConnectorException>(() => _provider.GetTokenAsync(CancellationToken.None).AsTask());

        Assert.IsType<InvalidOperationException>(failure.InnerException);
    }

    private sealed class ScriptedTokenSource(TimeProvider time, TimeSpan lifetime) : IBotTokenSource
    {
        private int _acquisitions;

        public TimeSpan Lifetime { get; set; } = lifetime;

        public bool FailNext { get; set; }

        public TaskCompletionSource? Gate { get; set; }

        public int Acquisitions => Volatile.Read(ref _acquisitions);

        public string Name => "scripted";

        public async Task<BotAccessToken> AcquireAsync(CancellationToken cancellationToken)
        {
            var number = Interlocked.Increment(ref _acquisitions);
            if (Gate is { } gate)
            {
                await gate.Task;
            }

            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("token endpoint unavailable");
            }

            return new BotAccessToken($"token-{number}", time.GetUtcNow() + Lifetime);
        }
    }
}
