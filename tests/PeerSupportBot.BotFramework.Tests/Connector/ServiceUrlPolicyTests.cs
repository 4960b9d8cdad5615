using Microsoft.Extensions.Options;
using PeerSupportBot.BotFramework.Connector;

namespace PeerSupportBot.BotFramework.Tests.Connector;

public sealed class ServiceUrlPolicyTests
{
    private static ServiceUrlPolicy Policy(string? appId = "00000000-0000-0000-0000-000000000001", params string[] hosts) =>
        new(Options.Create(new ConnectorOptions { AllowedServiceHosts = hosts }), Options.Create(new BotFrameworkOptions { MicrosoftAppId = appId }));

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net/teams/v3/conversations")]
    [InlineData("https://SMBA.TrafficManager.net/amer/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/teams")]
    [InlineData("https://smba.infra.dod.teams.microsoft.us/teams")]
    public void Teams_connector_hosts_over_https_are_called(string url) =>
        Assert.True(Policy().Permits(new Uri(url)));

    [Theory]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net:8443/emea/")]
    [InlineData("https://smba.trafficmanager.net.attacker.example/emea/")]
    [InlineData("https://attacker.example/smba.trafficmanager.net/")]
    [InlineData("https://evil.smba.trafficmanager.net/")]
    [InlineData("https://user:pass@smba.trafficmanager.net/")]
    [InlineData("http://127.0.0.1:3978/")]
    [InlineData("http://localhost:56150/")]
    [InlineData("https://[::1]/")]
    public void Any_other_url_is_never_called_by_a_bot_that_has_a_token(string url) =>
        Assert.False(Policy().Permits(new Uri(url)));

    [Theory]
    [InlineData("http://127.0.0.1:3978/")]
    [InlineData("http://localhost:56150/")]
    [InlineData("http://[::1]:1234/")]
    [InlineData("https://smba.trafficmanager.net/emea/")]
    public void Local_development_also_calls_loopback(string url) =>
        Assert.True(Policy(appId: null).Permits(new Uri(url)));

    [Theory]
    [InlineData("http://203.0.113.7/")]
    [InlineData("https://attacker.example/")]
    public void Local_development_calls_no_other_host(string url) =>
        Assert.False(Policy(appId: null).Permits(new Uri(url)));

    [Fact]
    public void Configured_hosts_replace_the_Teams_defaults()
    {
        var policy = Policy(hosts: ["connector.contoso.example, other.contoso.example"]);

        Assert.True(policy.Permits(new Uri("https://connector.contoso.example/x")));
        Assert.True(policy.Permits(new Uri("https://other.contoso.example/x")));
        Assert.False(policy.Permits(new Uri("https://smba.trafficmanager.net/emea/")));
    }
}
