using PeerSupportBot.BotFramework;
using PeerSupportBot.BotFramework.Authentication;

namespace PeerSupportBot.BotFramework.Tests.Authentication;

public sealed class TokenIssuersTests
{
    private const string OwnTenant = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    [Theory]
    [InlineData("https://api.botframework.com", nameof(TokenSource.BotFrameworkChannel))]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", nameof(TokenSource.Entra))]
    [InlineData("https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/", nameof(TokenSource.Entra))]
    [InlineData("https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0", nameof(TokenSource.Entra))]
    [InlineData("https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a/v2.0", nameof(TokenSource.Entra))]
    [InlineData("https://api.botframework.com/", nameof(TokenSource.Untrusted))]
    [InlineData("https://API.botframework.com", nameof(TokenSource.Untrusted))]
    [InlineData("https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db", nameof(TokenSource.Untrusted))]
    [InlineData("https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/", nameof(TokenSource.Untrusted))]
    [InlineData("https://sts.windows.net/" + OwnTenant + "/", nameof(TokenSource.Untrusted))]
    [InlineData("https://evil.example", nameof(TokenSource.Untrusted))]
    [InlineData("", nameof(TokenSource.Untrusted))]
    [InlineData(null, nameof(TokenSource.Untrusted))]
    public void The_issuer_picks_the_key_set_and_unknown_issuers_are_untrusted(string? issuer, string expected) =>
        Assert.Equal(expected, TokenIssuers.Classify(issuer, new BotFrameworkOptions()).ToString());

    [Theory]
    [InlineData("https://sts.windows.net/" + OwnTenant + "/")]
    [InlineData("https://login.microsoftonline.com/" + OwnTenant + "/v2.0")]
    public void The_bots_own_tenant_is_trusted_when_configured(string issuer) =>
        Assert.Equal(TokenSource.Entra, TokenIssuers.Classify(issuer, new BotFrameworkOptions { MicrosoftAppTenantId = OwnTenant }));

    [Fact]
    public void The_channel_issuer_comes_from_configuration()
    {
        var options = new BotFrameworkOptions { ToBotFromChannelTokenIssuer = "https://api.botframework.us" };

        Assert.Equal(TokenSource.BotFrameworkChannel, TokenIssuers.Classify("https://api.botframework.us", options));
        Assert.Equal(TokenSource.Untrusted, TokenIssuers.Classify("https://api.botframework.com", options));
    }

    [Fact]
    public void The_handler_validates_against_the_issuers_of_the_classified_source_only()
    {
        var options = new BotFrameworkOptions();

        Assert.Equal(["https://api.botframework.com"], TokenIssuers.For(TokenSource.BotFrameworkChannel, options));
        Assert.DoesNotContain("https://api.botframework.com", TokenIssuers.For(TokenSource.Entra, options));
        Assert.Equal(4, TokenIssuers.For(TokenSource.Entra, options).Count);
        Assert.Empty(TokenIssuers.For(TokenSource.Untrusted, options));
    }
}
