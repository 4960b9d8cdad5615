using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PeerSupportBot.BotFramework.Connector;

/// <summary>
/// Keeps one outbound token and replaces it <see cref="ConnectorOptions.TokenRefreshMargin"/>
/// before it expires, so no HTTP call waits on a token request and none carries a token about to
/// lapse. Only one refresh runs at a time. When a refresh fails while the old token is still
/// valid, the old token is used and the next call tries again.
/// </summary>
internal sealed class CachingBotTokenProvider : IBotTokenProvider, IDisposable
{
    // A token this close to expiry is not worth sending even when refreshing failed.
    private static readonly TimeSpan UsableSkew = TimeSpan.FromSeconds(30);

    private readonly IBotTokenSource _source;
    private readonly TimeProvider _time;
    private readonly TimeSpan _refreshMargin;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private volatile CachedToken? _current;

    public CachingBotTokenProvider(IBotTokenSource source, TimeProvider time, IOptions<ConnectorOptions> options, ILogger<CachingBotTokenProvider> logger)
    {
        _source = source;
        _time = time;
        _refreshMargin = options.Value.TokenRefreshMargin;
        _logger = logger;
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && _time.GetUtcNow() < current.RefreshAt)
        {
            return current.Token.Value;
        }

        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refreshed while this one waited.
            current = _current;
            var now = _time.GetUtcNow();
            if (current is not null && now < current.RefreshAt)
            {
                return current.Token.Value;
            }

            try
            {
                var token = await _source.AcquireAsync(cancellationToken);
                _current = new CachedToken(token, RefreshPoint(token, now));
                Log.OutboundTokenAcquired(_logger, _source.Name, token.ExpiresOn);
                return token.Value;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (current is not null && now < current.Token.ExpiresOn - UsableSkew)
                {
                    Log.OutboundTokenRefreshFailed(_logger, _source.Name, current.Token.ExpiresOn, exception);
                    return current.Token.Value;
                }

                Log.OutboundTokenUnavailable(_logger, _source.Name, exception);
                throw new ConnectorException("Could not obtain a token for the Bot Framework connector.", exception);
            }
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    public void Dispose() => _refreshGate.Dispose();

    /// <summary>
    /// The margin before expiry, but never earlier than halfway through the token's life: a token
    /// issued for less than twice the margin would otherwise be refreshed on every call.
    /// </summary>
    private DateTimeOffset RefreshPoint(BotAccessToken token, DateTimeOffset acquiredAt)
    {
        var halfway = acquiredAt + ((token.ExpiresOn - acquiredAt) / 2);
        var beforeExpiry = token.ExpiresOn - _refreshMargin;
        return beforeExpiry > halfway ? beforeExpiry : halfway;
    }

    private sealed record CachedToken(BotAccessToken Token, DateTimeOffset RefreshAt);
}
