using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PeerSupportBot.BotFramework.Authentication;

/// <summary>
/// One OpenID metadata document and its key set, cached and refreshed on the injected clock.
/// </summary>
/// <remarks>
/// Not IdentityModel's ConfigurationManager: since 8.x it refreshes in the background and hands
/// back the stale keys, so "refresh once on an unknown kid, then decide" would need a
/// process-wide AppContext switch, and it does not read our TimeProvider.
/// </remarks>
internal sealed class OpenIdMetadataCache(Uri address, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger logger) : IDisposable
{
    /// <summary>Keys are refetched at least this often (the protocol asks for at least daily).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(12);

    /// <summary>However often callers ask, the metadata is fetched at most this often once we hold a copy.</summary>
    public static readonly TimeSpan MinRefreshInterval = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim gate = new(1, 1);
    private OpenIdConnectConfiguration? current;
    private DateTimeOffset fetchedAt;
    private DateTimeOffset lastAttempt = DateTimeOffset.MinValue;
    private DateTimeOffset lastForcedRefresh = DateTimeOffset.MinValue;

    /// <summary>The metadata address this cache reads.</summary>
    public Uri Address { get; } = address;

    /// <summary>The cached metadata, fetched first if there is none or it is older than <see cref="MaxAge"/>.</summary>
    public Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        var cached = current;
        return cached is not null && time.GetUtcNow() - fetchedAt < MaxAge
            ? Task.FromResult(cached)
            : RefreshAsync(force: false, cancellationToken);
    }

    /// <summary>
    /// Called when a token names a key we do not hold: keys rotate, so fetch again unless we did
    /// so within <see cref="MinRefreshInterval"/> (unknown kids are free to send, fetches are not).
    /// </summary>
    public Task<OpenIdConnectConfiguration> RefreshForUnknownKeyAsync(CancellationToken cancellationToken) =>
        RefreshAsync(force: true, cancellationToken);

    public void Dispose() => gate.Dispose();

    // An unknown kid may refetch once per MinRefreshInterval, however fresh the keys are (a key
    // can rotate in just after a scheduled fetch). A scheduled refetch happens once the copy is
    // MaxAge old; after a failed one we keep the stale copy and retry after MinRefreshInterval.
    // Callers that queued behind a refresh find nothing due and take its result.
    private bool IsRefreshDue(bool force, DateTimeOffset now) => force
        ? now - lastForcedRefresh >= MinRefreshInterval
        : now - fetchedAt >= MaxAge && now - lastAttempt >= MinRefreshInterval;

    private async Task<OpenIdConnectConfiguration> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (current is not null && !IsRefreshDue(force, now))
            {
                if (force)
                {
                    Log.MetadataRefreshThrottled(logger, Address);
                }

                return current;
            }

            lastAttempt = now;
            if (force)
            {
                lastForcedRefresh = now;
            }

            try
            {
                var retriever = new HttpDocumentRetriever(httpClientFactory.CreateClient(BotAuthenticationDefaults.MetadataHttpClientName))
                {
                    RequireHttps = true,
                };
                var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(Address.AbsoluteUri, retriever, cancellationToken);
                current = configuration;
                fetchedAt = now;
                Log.MetadataFetched(logger, Address, configuration.JsonWebKeySet?.Keys.Count ?? 0);
                return configuration;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.MetadataFetchFailed(logger, Address, exception);
                if (current is null)
                {
                    throw;
                }

                // Stale keys are better than none: keep serving them, and retry after MinRefreshInterval.
                return current;
            }
        }
        finally
        {
            gate.Release();
        }
    }
}
