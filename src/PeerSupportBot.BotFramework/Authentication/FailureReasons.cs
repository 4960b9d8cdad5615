using Microsoft.IdentityModel.Tokens;

namespace PeerSupportBot.BotFramework.Authentication;

/// <summary>
/// Why a request was refused, in words fit for the log: never the token, never anything a person wrote.
/// </summary>
internal static class FailureReasons
{
    public const string NotLoopback = "no MicrosoftAppId is configured and the caller is not on loopback";
    public const string RelayedPrefix = "no MicrosoftAppId is configured and the request was relayed by a proxy";
    public const string NoBearerToken = "no Authorization: Bearer token";
    public const string MalformedToken = "the token is not a JWT";
    public const string DisallowedAlgorithm = "the token is unsigned or uses a disallowed algorithm";
    public const string UntrustedIssuer = "the token's issuer is not trusted";
    public const string EntraTokensOff = "the token was issued by Entra and AcceptEntraTokens is off";
    public const string NoKeyId = "the token names no signing key";
    public const string UnknownKeyId = "the token's signing key is not in the published key set";
    public const string MetadataUnavailable = "the OpenID metadata could not be fetched";
    public const string WrongIssuer = "the token's issuer is wrong";
    public const string WrongAudience = "the token is not for this bot";
    public const string Expired = "the token has expired";
    public const string NotYetValid = "the token is not yet valid";
    public const string NoLifetime = "the token has no expiry";
    public const string BadSignature = "the token's signature is invalid";
    public const string InvalidToken = "the token is invalid";
    public const string NotEndorsed = "the signing key is not endorsed for the activity's channel";
    public const string ServiceUrlMismatch = "the token's serviceurl claim does not match the activity's serviceUrl";
    public const string WrongAuthorizedParty = "the Entra token was not requested by this bot (appid/azp)";

    /// <summary>A development-mode request that carries a proxy's header (named, never its value).</summary>
    public static string Relayed(string header) => $"{RelayedPrefix} (it carries {header})";

    /// <summary>Names the check a JWT validation failure tripped.</summary>
    public static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => Expired,
        SecurityTokenNotYetValidException => NotYetValid,
        SecurityTokenNoExpirationException => NoLifetime,
        SecurityTokenInvalidAudienceException => WrongAudience,
        SecurityTokenInvalidIssuerException => WrongIssuer,
        SecurityTokenInvalidAlgorithmException => DisallowedAlgorithm,
        SecurityTokenSignatureKeyNotFoundException => UnknownKeyId,
        SecurityTokenInvalidSignatureException => BadSignature,
        SecurityTokenMalformedException => MalformedToken,
        null => InvalidToken,
        _ => $"{InvalidToken} ({exception.GetType().Name})",
    };
}
