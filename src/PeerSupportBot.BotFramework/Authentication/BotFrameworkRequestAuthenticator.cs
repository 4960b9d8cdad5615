using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Authentication;

/// <summary>
/// Checks that a POST /api/messages request carries a token the Bot Framework (or Entra, for the
/// emulator and single-tenant channels) issued for this bot and for this activity.
/// </summary>
/// <remarks>
/// Every refusal becomes 401 Unauthorized, as the Bot Framework SDK answers; the REST docs say
/// 403 for a token that validates but is not acceptable, and we deliberately do not distinguish,
/// so a caller learns nothing about which check failed. The reason goes to the log only.
/// With no MicrosoftAppId (local development, allowed only in the Development environment) only
/// loopback callers that carry no proxy header pass, unauthenticated;
/// there is no setting that turns validation off for any other caller.
/// </remarks>
internal sealed class BotFrameworkRequestAuthenticator : IRequestAuthenticator, IDisposable
{
    private readonly BotFrameworkOptions options;
    private readonly TimeProvider time;
    private readonly OpenIdMetadataCache channelMetadata;
    private readonly OpenIdMetadataCache entraMetadata;
    private readonly JsonWebTokenHandler tokenHandler = new();

    public BotFrameworkRequestAuthenticator(
        IOptions<BotFrameworkOptions> options,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        ILogger<BotFrameworkRequestAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.time = time;
        channelMetadata = new OpenIdMetadataCache(this.options.ToBotFromChannelOpenIdMetadataUrl, httpClientFactory, time, logger);
        entraMetadata = new OpenIdMetadataCache(this.options.ToBotFromEmulatorOpenIdMetadataUrl, httpClientFactory, time, logger);
    }

    /// <inheritdoc />
    public async Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, RequestOrigin origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(origin);
        if (options.IsLocalDevelopment)
        {
            // The Authorization header is ignored: with no app id there is nothing to validate it
            // against. A proxy on the same host makes every caller look like loopback, so a
            // relayed request is refused whatever its peer address.
            if (origin.ForwardingHeader is not null)
            {
                return AuthenticationOutcome.Failure(FailureReasons.Relayed(origin.ForwardingHeader));
            }

            return TokenChecks.IsLoopback(origin.RemoteAddress)
                ? AuthenticationOutcome.Success(new ClaimsIdentity())
                : AuthenticationOutcome.Failure(FailureReasons.NotLoopback);
        }

        var token = TokenChecks.ReadBearerToken(authorizationHeader);
        if (token is null)
        {
            return AuthenticationOutcome.Failure(FailureReasons.NoBearerToken);
        }

        var unvalidated = Read(token);
        if (unvalidated is null)
        {
            return AuthenticationOutcome.Failure(FailureReasons.MalformedToken);
        }

        if (!TokenChecks.IsAllowedAlgorithm(unvalidated.Alg))
        {
            return AuthenticationOutcome.Failure(FailureReasons.DisallowedAlgorithm);
        }

        var source = TokenIssuers.Classify(unvalidated.Issuer, options);
        if (source == TokenSource.Untrusted)
        {
            return AuthenticationOutcome.Failure(FailureReasons.UntrustedIssuer);
        }

        if (source == TokenSource.Entra && !options.AcceptEntraTokens)
        {
            return AuthenticationOutcome.Failure(FailureReasons.EntraTokensOff);
        }

        if (string.IsNullOrEmpty(unvalidated.Kid))
        {
            return AuthenticationOutcome.Failure(FailureReasons.NoKeyId);
        }

        var metadata = source == TokenSource.BotFrameworkChannel ? channelMetadata : entraMetadata;
        var (signingKey, keyFailure) = await FindSigningKeyAsync(metadata, unvalidated.Kid, cancellationToken);
        if (signingKey is null)
        {
            return AuthenticationOutcome.Failure(keyFailure!);
        }

        var result = await tokenHandler.ValidateTokenAsync(token, ValidationParameters(source, signingKey));
        if (!result.IsValid || result.SecurityToken is not JsonWebToken validated)
        {
            return AuthenticationOutcome.Failure(FailureReasons.Describe(result.Exception));
        }

        var failure = TokenChecks.CheckLifetime(validated.ValidFrom, validated.ValidTo, time.GetUtcNow())
                      ?? CheckProtocolClaims(source, validated, signingKey, activity);
        return failure is null
            ? AuthenticationOutcome.Success(result.ClaimsIdentity)
            : AuthenticationOutcome.Failure(failure);
    }

    public void Dispose()
    {
        channelMetadata.Dispose();
        entraMetadata.Dispose();
    }

    private string? CheckProtocolClaims(TokenSource source, JsonWebToken token, JsonWebKey signingKey, Activity activity)
    {
        if (!TokenChecks.IsEndorsedFor(signingKey, activity.ChannelId))
        {
            return FailureReasons.NotEndorsed;
        }

        if (source == TokenSource.BotFrameworkChannel)
        {
            return TokenChecks.ServiceUrlMatches(Claim(token, "serviceurl"), activity.ServiceUrl)
                ? null
                : FailureReasons.ServiceUrlMismatch;
        }

        return TokenChecks.AuthorizedPartyMatches(Claim(token, "ver"), Claim(token, "appid"), Claim(token, "azp"), options.MicrosoftAppId!)
            ? null
            : FailureReasons.WrongAuthorizedParty;
    }

    private static async Task<(JsonWebKey? Key, string? Failure)> FindSigningKeyAsync(OpenIdMetadataCache metadata, string keyId, CancellationToken cancellationToken)
    {
        try
        {
            var key = FindKey(await metadata.GetAsync(cancellationToken), keyId)
                      ?? FindKey(await metadata.RefreshForUnknownKeyAsync(cancellationToken), keyId);
            return key is null ? (null, FailureReasons.UnknownKeyId) : (key, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Already logged by the cache; no keys means no way to accept anything.
            return (null, FailureReasons.MetadataUnavailable);
        }
    }

    // The JsonWebKey itself, not the converted SigningKeys entry: only it keeps "endorsements".
    private static JsonWebKey? FindKey(Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration configuration, string keyId) =>
        configuration.JsonWebKeySet?.Keys.FirstOrDefault(key => string.Equals(key.Kid, keyId, StringComparison.Ordinal));

    private TokenValidationParameters ValidationParameters(TokenSource source, JsonWebKey signingKey) => new()
    {
        ValidIssuers = TokenIssuers.For(source, options),
        ValidAudience = options.MicrosoftAppId,
        IssuerSigningKey = signingKey,
        TryAllIssuerSigningKeys = false,
        ValidAlgorithms = TokenChecks.AllowedAlgorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuer = true,
        ValidateAudience = true,
        // Lifetime is checked afterwards against the injected clock (TokenChecks.CheckLifetime):
        // IdentityModel reads the system clock.
        ValidateLifetime = false,
    };

    private JsonWebToken? Read(string token)
    {
        if (!tokenHandler.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return tokenHandler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? Claim(JsonWebToken token, string name) =>
        token.TryGetPayloadValue<string>(name, out var value) ? value : null;
}
