using System.Net;
using Microsoft.IdentityModel.Tokens;
using PeerSupportBot.BotFramework.Authentication;

namespace PeerSupportBot.BotFramework.Tests.Authentication;

public sealed class TokenChecksTests
{
    private static readonly DateTimeOffset Now = new(2031, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("bearer abc.def.ghi", "abc.def.ghi")]
    [InlineData("Bearer   abc.def.ghi  ", "abc.def.ghi")]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("Bearer", null)]
    [InlineData("Bearer ", null)]
    [InlineData("Basic abc.def.ghi", null)]
    [InlineData("Bearerabc.def.ghi", null)]
    [InlineData("Bearer abc def", null)]
    public void Only_a_bearer_header_with_one_token_yields_a_token(string? header, string? expected) =>
        Assert.Equal(expected, TokenChecks.ReadBearerToken(header));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("203.0.113.7", false)]
    [InlineData("::ffff:203.0.113.7", false)]
    [InlineData("2001:db8::1", false)]
    [InlineData("0.0.0.0", false)]
    public void Loopback_includes_IPv4_mapped_IPv6_loopback(string address, bool expected) =>
        Assert.Equal(expected, TokenChecks.IsLoopback(IPAddress.Parse(address)));

    [Fact]
    public void An_unknown_address_is_not_loopback() => Assert.False(TokenChecks.IsLoopback(null));

    [Theory]
    [InlineData("RS256", true)]
    [InlineData("RS384", true)]
    [InlineData("RS512", true)]
    [InlineData("none", false)]
    [InlineData("None", false)]
    [InlineData("HS256", false)]
    [InlineData("PS256", false)]
    [InlineData("rs256", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Only_RSA_PKCS1_signatures_are_allowed(string? algorithm, bool expected) =>
        Assert.Equal(expected, TokenChecks.IsAllowedAlgorithm(algorithm));

    [Theory]
    [InlineData(-60, 60, null)]
    [InlineData(-60, -4, null)]
    [InlineData(-60, -5, FailureReasons.Expired)]
    [InlineData(-60, -6, FailureReasons.Expired)]
    [InlineData(4, 60, null)]
    [InlineData(5, 60, null)]
    [InlineData(6, 60, FailureReasons.NotYetValid)]
    public void Lifetime_allows_five_minutes_of_clock_skew_either_way(int notBeforeMinutes, int expiresMinutes, string? expected) =>
        Assert.Equal(expected, TokenChecks.CheckLifetime(Now.AddMinutes(notBeforeMinutes).UtcDateTime, Now.AddMinutes(expiresMinutes).UtcDateTime, Now));

    [Fact]
    public void A_token_without_expiry_never_passes() =>
        Assert.Equal(FailureReasons.NoLifetime, TokenChecks.CheckLifetime(Now.AddMinutes(-1).UtcDateTime, DateTime.MinValue, Now));

    [Fact]
    public void A_token_without_not_before_is_judged_by_expiry_alone() =>
        Assert.Null(TokenChecks.CheckLifetime(DateTime.MinValue, Now.AddMinutes(10).UtcDateTime, Now));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", "https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://SMBA.trafficmanager.net/EMEA/", "https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://smba.trafficmanager.net/emea", "https://smba.trafficmanager.net/emea/", false)]
    [InlineData(null, "https://smba.trafficmanager.net/emea/", false)]
    [InlineData("", "https://smba.trafficmanager.net/emea/", false)]
    [InlineData("https://smba.trafficmanager.net/emea/", null, false)]
    public void The_serviceurl_claim_must_name_the_activitys_service_url(string? claim, string? activity, bool expected) =>
        Assert.Equal(expected, TokenChecks.ServiceUrlMatches(claim, activity));

    [Theory]
    [InlineData("""{"kty":"RSA","kid":"k","endorsements":["msteams","webchat"]}""", "msteams", true)]
    [InlineData("""{"kty":"RSA","kid":"k","endorsements":["webchat","skype"]}""", "msteams", false)]
    [InlineData("""{"kty":"RSA","kid":"k","endorsements":[]}""", "msteams", false)]
    [InlineData("""{"kty":"RSA","kid":"k","endorsements":["msteams"]}""", null, false)]
    [InlineData("""{"kty":"RSA","kid":"k","endorsements":"msteams"}""", "msteams", true)]
    [InlineData("""{"kty":"RSA","kid":"k","endorsements":{"msteams":true}}""", "msteams", false)]
    [InlineData("""{"kty":"RSA","kid":"k"}""", "msteams", true)]
    [InlineData("""{"kty":"RSA","kid":"k"}""", null, true)]
    public void A_key_that_lists_endorsements_signs_only_for_those_channels(string jwk, string? channelId, bool expected) =>
        Assert.Equal(expected, TokenChecks.IsEndorsedFor(new JsonWebKey(jwk), channelId));

    [Fact]
    public void Endorsements_read_from_a_key_set_document_are_honoured()
    {
        var keys = new JsonWebKeySet("""{"keys":[{"kty":"RSA","kid":"k","endorsements":["webchat"]}]}""").Keys;

        Assert.False(TokenChecks.IsEndorsedFor(keys.Single(), "msteams"));
        Assert.True(TokenChecks.IsEndorsedFor(keys.Single(), "webchat"));
    }

    [Theory]
    [InlineData("1.0", "app", null, true)]
    [InlineData("1.0", "APP", null, true)]
    [InlineData("1.0", "other", "app", false)]
    [InlineData("1.0", null, "app", false)]
    [InlineData("2.0", null, "app", true)]
    [InlineData("2.0", "app", "other", false)]
    [InlineData("2.0", "app", null, false)]
    [InlineData(null, "app", "app", false)]
    [InlineData("3.0", "app", "app", false)]
    public void An_Entra_token_must_be_requested_by_the_bot_itself(string? version, string? appId, string? authorizedParty, bool expected) =>
        Assert.Equal(expected, TokenChecks.AuthorizedPartyMatches(version, appId, authorizedParty, "app"));
}
