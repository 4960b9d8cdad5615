using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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

    /// <param name="settings">Configuration on top of the Azurite defaults.</param>
    /// <param name="configureServices">Runs after the app's own registrations, to add test-only services.</param>
    public BotApplication(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        _configureServices = configureServices;
        TablePrefix = "t" + Guid.NewGuid().ToString("N")[..12];
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
    }

    public async Task<HttpResponseMessage> PostActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        using var client = CreateClient();
        return await client.PostAsJsonAsync("/api/messages", activity, BotFrameworkJsonContext.Default.Activity, cancellationToken);
    }
}
