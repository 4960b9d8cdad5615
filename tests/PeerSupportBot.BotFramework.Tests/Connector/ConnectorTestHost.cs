using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PeerSupportBot.BotFramework.Connector;

namespace PeerSupportBot.BotFramework.Tests.Connector;

/// <summary>
/// The connector as the app registers it (AddBotConnector over configuration), with tiny retry
/// delays so failure tests take milliseconds.
/// </summary>
internal sealed class ConnectorTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private ConnectorTestHost(ServiceProvider services) => _services = services;

    public IConnectorClient Client => _services.GetRequiredService<IConnectorClient>();

    public IServiceProvider Services => _services;

    /// <summary>Every log record written so far, at every level.</summary>
    public IReadOnlyList<FakeLogRecord> Logs => _services.GetFakeLogCollector().GetSnapshot();

    public static ConnectorTestHost Create(IBotTokenProvider? tokens = null, IDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Connector:MaxRetries"] = "3",
            ["Connector:RetryBaseDelay"] = "00:00:00.010",
            ["Connector:MaxRetryDelay"] = "00:00:02",
            ["Connector:AttemptTimeout"] = "00:00:05",
            ["Connector:TotalTimeout"] = "00:00:20",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddOptions<BotFrameworkOptions>().BindConfiguration(string.Empty);
        if (tokens is not null)
        {
            services.AddSingleton(tokens);
        }

        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddBotConnector();
        return new ConnectorTestHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>Hands out token-1, token-2, … and counts how often it was asked.</summary>
internal sealed class CountingTokenProvider : IBotTokenProvider
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>($"token-{Interlocked.Increment(ref _calls)}");
}
