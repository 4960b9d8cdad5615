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
public sealed class BotApplication : WebApplicationFactory<Program>, IBotEndpoint
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;

    private readonly TimeProvider? _clock;
    private readonly bool _runSweep;
    private readonly bool _runOutbox;

    /// <param name="settings">Configuration on top of the Azurite defaults.</param>
    /// <param name="clock">A fake clock, for expiry and follow-ups.</param>
    /// <param name="runSweep">Whether the background deadline sweep runs; tests that drive it by hand turn it off.</param>
    /// <param name="configureServices">Runs after the app's own registrations, to add test-only services.</param>
    /// <param name="runOutbox">Whether this instance delivers the outbox; without it, posts wait in the queue for another instance.</param>
    public BotApplication(IDictionary<string, string?>? settings = null, TimeProvider? clock = null, bool runSweep = true, Action<IServiceCollection>? configureServices = null, bool runOutbox = true)
    {
        _clock = clock;
        _runSweep = runSweep;
        _runOutbox = runOutbox;
        WaitsForOutbox = runOutbox;
        _configureServices = configureServices;
        TablePrefix = settings?.TryGetValue("Storage:TablePrefix", out var prefix) == true && prefix is not null
            ? prefix
            : "t" + Guid.NewGuid().ToString("N")[..12];
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:ConnectionString"] = Azurite.ConnectionString,
            ["Storage:TablePrefix"] = TablePrefix,
            ["Connector:RetryBaseDelay"] = "00:00:00.010",
            // Long enough to honour Teams' Retry-After of a second; backoff without one stays short.
            ["Connector:MaxRetryDelay"] = "00:00:02",
            // A fixed test key, so a restarted instance reads what the previous one queued.
            ["Outbox:TextKey"] = TestOutboxTextKey,
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:RetryDelay"] = "00:00:00",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>One key for every test instance, so a restarted or second instance reads what another queued.</summary>
    public const string TestOutboxTextKey = "test-only-outbox-text-key-0123456789abcdef";

    public string TablePrefix { get; }

    /// <summary>The configuration this instance runs with, so a bot process can run with the same.</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

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
                RemoveHostedService(services, "DeadlineSweepService");
            }

            if (!_runOutbox)
            {
                RemoveHostedService(services, "OutboxWorker");
            }
        });
    }

    private static void RemoveHostedService(IServiceCollection services, string name)
    {
        foreach (var descriptor in services.Where(descriptor => descriptor.ServiceType == typeof(IHostedService) && descriptor.ImplementationType?.Name == name).ToList())
        {
            services.Remove(descriptor);
        }
    }

    /// <summary>Runs the deadline sweep now, as the background service would.</summary>
    public async Task<int> SweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var handled = await scope.ServiceProvider.GetRequiredService<PeerSupportBot.HelpRequests.DeadlineSweep>().SweepAsync(CancellationToken.None);
        if (WaitsForOutbox)
        {
            await OutboxDrainedAsync(TimeSpan.FromSeconds(30));
        }

        return handled;
    }

    /// <summary>
    /// Whether <see cref="PostActivityAsync"/> returns only once the outbox has delivered what the
    /// turn queued, as a person would see it a moment later. Off for tests of the turn alone.
    /// </summary>
    public bool WaitsForOutbox { get; set; }

    public async Task<HttpResponseMessage> PostActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/messages", activity, BotFrameworkJsonContext.Default.Activity, cancellationToken);
        if (WaitsForOutbox)
        {
            await OutboxDrainedAsync(TimeSpan.FromSeconds(30));
        }

        return response;
    }

    /// <summary>
    /// Waits until the outbox queue is empty: every queued post delivered, or given up, and what
    /// that caused queued and delivered too. A message being delivered still counts as queued.
    /// </summary>
    public async Task OutboxDrainedAsync(TimeSpan timeout)
    {
        var outbox = Services.GetRequiredService<PeerSupportBot.Outbox.OutboxQueue>();
        var queue = Services.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>().GetQueueClient(outbox.Name);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            if (!await queue.ExistsAsync() || (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0)
            {
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The outbox still held messages after {timeout}.");
            }

            // Polling a condition: Azurite offers no change notification for a queue.
            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }
}
