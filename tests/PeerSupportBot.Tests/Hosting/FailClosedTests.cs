using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Hosting;

/// <summary>The unauthenticated development mode exists only on a developer's machine, and only for callers on it.</summary>
public sealed class FailClosedTests : IAsyncLifetime
{
    private FakeConnectorServer _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnectorServer.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public void The_bot_without_an_app_id_does_not_start_outside_Development(string environment)
    {
        // What the host runs at start-up (ValidateOnStart), without a host around it: a failing
        // host start races its own disposal in WebApplicationFactory and can surface as
        // ObjectDisposedException instead of the reason.
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = "" })
            .Build());
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = environment });
        services.AddLogging();
        services.AddBotFramework<PeerSupportBot.Conversation.PeerSupportActivityHandler>();
        using var provider = services.BuildServiceProvider();

        var failure = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var validation = Assert.IsType<OptionsValidationException>(failure.GetBaseException());
        Assert.Contains("MicrosoftAppId is empty", validation.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_bot_without_an_app_id_starts_in_Development()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MicrosoftAppId"] = "" })
            .Build());
        services.AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = "Development" });
        services.AddLogging();
        services.AddBotFramework<PeerSupportBot.Conversation.PeerSupportActivityHandler>();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    [InlineData("X-Original-For", "203.0.113.7")]
    public async Task A_development_request_relayed_by_a_proxy_gets_401_and_is_not_acted_on(string header, string value)
    {
        await using var app = new BotApplication();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(TeamsActivities.Message(_connector.ServiceUrl, "ohje"), BotFrameworkJsonContext.Default.Activity),
        };
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_connector.Requests);
        Assert.Contains(app.Logs.GetSnapshot(), record => record.Id.Id == 1003 && record.Message.Contains(header, StringComparison.Ordinal));
    }
}
