using System.Net;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace PeerSupportBot.BotFramework.Authentication;

/// <summary>
/// The protocol's checks that a generic JWT validator does not make, as small pure functions so
/// each can be tested on its own.
/// </summary>
internal static class TokenChecks
{
    /// <summary>RS256 is what the channel uses; the Bot Framework SDK also accepts RS384 and RS512.</summary>
    public static readonly IReadOnlyList<string> AllowedAlgorithms =
    [
        SecurityAlgorithms.RsaSha256,
        SecurityAlgorithms.RsaSha384,
        SecurityAlgorithms.RsaSha512,
    ];

    /// <summary>The clock skew the protocol allows on nbf and exp.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>The token of an <c>Authorization: Bearer &lt;token&gt;</c> header; null for anything else.</summary>
    public static string? ReadBearerToken(string? authorizationHeader)
    {
        const string Scheme = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = authorizationHeader[Scheme.Length..].Trim();
        return token.Length > 0 && !token.Contains(' ', StringComparison.Ordinal) ? token : null;
    }

    /// <summary>True for 127.0.0.0/8, ::1 and their IPv4-mapped IPv6 forms; false for an unknown caller.</summary>
    public static bool IsLoopback(IPAddress? remoteAddress)
    {
        if (remoteAddress is null)
        {
            return false;
        }

        var address = remoteAddress.IsIPv4MappedToIPv6 ? remoteAddress.MapToIPv4() : remoteAddress;
        return IPAddress.IsLoopback(address);
    }

    /// <summary>
    /// Null when <paramref name="now"/> lies within [nbf - skew, exp + skew]; otherwise why not.
    /// A token without exp never passes. <see cref="DateTime.MinValue"/> stands for an absent claim,
    /// as JsonWebToken reports it.
    /// </summary>
    public static string? CheckLifetime(DateTime notBefore, DateTime expires, DateTimeOffset now)
    {
        if (expires == DateTime.MinValue)
        {
            return FailureReasons.NoLifetime;
        }

        if (now - ClockSkew >= AsUtc(expires))
        {
            return FailureReasons.Expired;
        }

        return notBefore != DateTime.MinValue && now + ClockSkew < AsUtc(notBefore)
            ? FailureReasons.NotYetValid
            : null;
    }

    /// <summary>Only RSA signatures: this rejects <c>alg: none</c> and HMAC before any key is looked at.</summary>
    public static bool IsAllowedAlgorithm(string? algorithm) =>
        algorithm is not null && AllowedAlgorithms.Contains(algorithm, StringComparer.Ordinal);

    /// <summary>
    /// The token's <c>serviceurl</c> claim must name the service URL the activity tells the bot to
    /// answer at, so a token cannot send the bot's replies (and its own token) elsewhere.
    /// </summary>
    public static bool ServiceUrlMatches(string? serviceUrlClaim, string? activityServiceUrl) =>
        !string.IsNullOrWhiteSpace(serviceUrlClaim)
        && !string.IsNullOrWhiteSpace(activityServiceUrl)
        && string.Equals(serviceUrlClaim.Trim(), activityServiceUrl.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// A signing key that lists endorsements may only sign for those channels. A key with no
    /// <c>endorsements</c> member is not restricted.
    /// </summary>
    public static bool IsEndorsedFor(JsonWebKey signingKey, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        if (!signingKey.AdditionalData.TryGetValue("endorsements", out var endorsements))
        {
            return true;
        }

        return !string.IsNullOrEmpty(channelId)
            && ReadStrings(endorsements).Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// An Entra token must have been requested by the bot itself: <c>appid</c> in v1.0 tokens,
    /// <c>azp</c> in v2.0 tokens. Any other version fails.
    /// </summary>
    public static bool AuthorizedPartyMatches(string? version, string? appIdClaim, string? authorizedPartyClaim, string appId)
    {
        var party = version switch
        {
            "1.0" => appIdClaim,
            "2.0" => authorizedPartyClaim,
            _ => null,
        };
        return !string.IsNullOrEmpty(party) && string.Equals(party, appId, StringComparison.OrdinalIgnoreCase);
    }

    private static DateTimeOffset AsUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    // The JWKS reader may keep an unknown member as a JsonElement, a list or a single string,
    // depending on the library version; accept each shape, and nothing else.
    private static IEnumerable<string> ReadStrings(object? value) => value switch
    {
        string single => [single],
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
            .Where(item => item.ValueKind == JsonValueKind.String)
            .Select(item => item.GetString()!),
        JsonElement { ValueKind: JsonValueKind.String } text => [text.GetString()!],
        IEnumerable<object> items => items.SelectMany(ReadStrings),
        _ => [],
    };
}
