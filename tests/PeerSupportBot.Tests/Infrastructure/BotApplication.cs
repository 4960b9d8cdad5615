using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.Tests.Infrastructure;

/// <summary>
/// The real app, in memory, with Azurite behind it. Each instance gets its own table prefix, so
/// tests never see each other's rows.
/// </summary>
public sealed class BotApplication : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    private readonly TimeProvider? _clock;
    private readonly bool _runSweep;

    /// <param name="settings">Configuration on top of the Azurite defaults.</param>
    /// <param name="clock">A fake clock, for expiry and follow-ups.</param>
    /// <param name="runSweep">Whether the background deadline sweep runs; tests that drive it by hand turn it off.</param>
    /// <param name="configureServices">Runs after the app's own registrations, to add test-only services.</param>
    public BotApplication(IDictionary<string, string?>? settings = null, TimeProvider? clock = null, bool runSweep = true, Action<IServiceCollection>? configureServices = null)
    {
        _clock = clock;
        _runSweep = runSweep;
        _configureServices = configureServices;
        TablePrefix = settings?.TryGetValue("Storage:TablePrefix", out var prefix) == true && prefix is not null
            ? prefix
            : "t" + Guid.NewGuid().ToString("N")[..12];
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["Storage:TablePrefix"] = TablePrefix,
            ["Connector:RetryBaseDelay"] = "00:00:00.010",
            ["Connector:MaxRetryDelay"] = "00:00:00.100",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string TablePrefix { get; }

    /// <summary>Every log line the app wrote, for checks that nothing confidential reaches a log.</summary>
    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.ClearProviders().AddFakeLogging().SetMinimumLevel(LogLevel.Trace));
        builder.ConfigureServices(services =>
        {
            services.AddTransient<IStartupFilter, LoopbackCaller>();
            _configureServices?.Invoke(services);
        });
        builder.ConfigureTestServices(services =>
        {
            if (_clock is not null)
            {
                services.AddSingleton(_clock);
            }

            if (!_runSweep)
            {
                services.RemoveAll<IHostedService>();
            }
        });
    }

    /// <summary>Runs the deadline sweep now, as the background service would.</summary>
    public async Task<int> SweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PeerSupportBot.HelpRequests.DeadlineSweep>().SweepAsync(CancellationToken.None);
    }

    public async Task<HttpResponseMessage> PostActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        using var client = CreateClient();
        return await client.PostAsJsonAsync("/api/messages", activity, BotFrameworkJsonContext.Default.Activity, cancellationToken);
    }
}
