using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PeerSupportBot.BotFramework.Tests.Authentication;

/// <summary>Mints tokens shaped like the channel's and Entra's, signed with locally minted keys.</summary>
internal static class TestTokens
{
    public const string AppId = "8f0b2c1e-3a4d-4e5f-9a6b-7c8d9e0f1a2b";
    public const string OtherAppId = "11111111-2222-3333-4444-555555555555";
    public const string ServiceUrl = "https://smba.trafficmanager.net/emea/";
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string BotFrameworkTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    public const string OtherBotFrameworkTenant = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    /// <summary>
    /// The tests' "now", years away from the real clock, so a check that read the system clock
    /// instead of the injected TimeProvider would fail.
    /// </summary>
    public static readonly DateTimeOffset Now = new(2031, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A token as the Bot Framework channel sends it to this bot, for <see cref="ServiceUrl"/>.</summary>
    public static SecurityTokenDescriptor Channel(TestSigningKey key) => new()
    {
        Issuer = ChannelIssuer,
        Audience = AppId,
        IssuedAt = Now.AddMinutes(-1).UtcDateTime,
        NotBefore = Now.AddMinutes(-1).UtcDateTime,
        Expires = Now.AddMinutes(59).UtcDateTime,
        Claims = new Dictionary<string, object> { ["serviceurl"] = ServiceUrl },
        SigningCredentials = key.Credentials(),
    };

    /// <summary>An Entra v1.0 token (sts.windows.net issuer, appid claim).</summary>
    public static SecurityTokenDescriptor EntraV1(TestSigningKey key, string appIdClaim = AppId, string tenant = BotFrameworkTenant) => new()
    {
        Issuer = $"https://sts.windows.net/{tenant}/",
        Audience = AppId,
        IssuedAt = Now.AddMinutes(-1).UtcDateTime,
        NotBefore = Now.AddMinutes(-1).UtcDateTime,
        Expires = Now.AddMinutes(59).UtcDateTime,
        Claims = new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = appIdClaim, ["tid"] = tenant },
        SigningCredentials = key.Credentials(),
    };

    /// <summary>An Entra v2.0 token (login.microsoftonline.com/{tid}/v2.0 issuer, azp claim).</summary>
    public static SecurityTokenDescriptor EntraV2(TestSigningKey key, string authorizedParty = AppId, string tenant = OtherBotFrameworkTenant) => new()
    {
        Issuer = $"https://login.microsoftonline.com/{tenant}/v2.0",
        Audience = AppId,
        IssuedAt = Now.AddMinutes(-1).UtcDateTime,
        NotBefore = Now.AddMinutes(-1).UtcDateTime,
        Expires = Now.AddMinutes(59).UtcDateTime,
        Claims = new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = authorizedParty, ["tid"] = tenant },
        SigningCredentials = key.Credentials(),
    };

    public static string Mint(SecurityTokenDescriptor descriptor) => new JsonWebTokenHandler().CreateToken(descriptor);

    public static string Bearer(SecurityTokenDescriptor descriptor) => "Bearer " + Mint(descriptor);

    /// <summary>
    /// The classic downgrade: a valid token's claims under a header saying <c>alg: none</c> (still
    /// naming a listed key), with the signature dropped.
    /// </summary>
    public static string Unsigned(TestSigningKey key, SecurityTokenDescriptor descriptor)
    {
        var payload = Mint(descriptor).Split('.')[1];
        var header = Base64UrlEncoder.Encode($$"""{"alg":"none","kid":"{{key.KeyId}}","typ":"JWT"}""");
        return $"{header}.{payload}.";
    }
}
