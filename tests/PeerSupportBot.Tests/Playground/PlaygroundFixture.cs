using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Playground;

/// <summary>
/// The real app on a real loopback port (the playground is a separate process and must reach
/// it over HTTP), with Azurite storage, and one playground pointed
/// at it. Shared by a test class: a playground start costs about a second.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    private readonly List<TeamsWorld> _colleagues = [];
    private WebApplicationFactory<Program>? _app;
    private PlaygroundClient? _playground;

    internal PlaygroundClient Playground =>
        _playground ?? throw new InvalidOperationException("The fixture has not started.");

    /// <summary>The tables' prefix: this fixture's own, so its classes never see another's data.</summary>
    public string TablePrefix { get; } = "p" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>
    /// Colleagues of the playground's user: Teams-shaped people talking to a second instance of the
    /// app on the same tables, through the project's own harness (the playground's sender is always
    /// its one current user). What the bot sends them goes to the harness's fake connector; what it
    /// sends the playground user goes to the playground.
    /// </summary>
    internal async Task<TeamsWorld> ColleaguesAsync()
    {
        var world = new TeamsWorld(new Dictionary<string, string?> { ["Storage:TablePrefix"] = TablePrefix }, runSweep: false);
        await world.InitializeAsync();
        _colleagues.Add(world);
        return world;
    }

    public async Task InitializeAsync()
    {
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(host => host
            // Development: no app id, so the bot accepts the playground's unauthenticated calls on loopback.
            .UseEnvironment("Development")
            .UseSetting("Storage:ConnectionString", Azurite.ConnectionString)
            .UseSetting("Storage:TablePrefix", TablePrefix)
            // The same key as the harness's instances, which share this queue and may deliver its posts.
            .UseSetting("Outbox:TextKey", BotApplication.TestOutboxTextKey)
            // The app's request logging would drown the test output.
            .UseSetting("Logging:LogLevel:Default", "Warning")
            // A port of its own, never the 3978 a developer's running bot may hold.
            .UseSetting("urls", "http://127.0.0.1:0"));
        _app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app.StartServer();

        var address = _app.Services.GetRequiredService<IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _playground = await PlaygroundClient.StartAsync(new Uri(new Uri(address), "api/messages"));
    }

    public async Task DisposeAsync()
    {
        foreach (var world in _colleagues) await world.DisposeAsync();
        if (_playground is not null) await _playground.DisposeAsync();
        if (_app is not null) await _app.DisposeAsync();
    }
}
