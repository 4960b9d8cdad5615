using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Queues;
using PeerSupportBot.BotFramework.Schema;
using Activity = PeerSupportBot.BotFramework.Schema.Activity;

namespace PeerSupportBot.Tests.Infrastructure;

/// <summary>
/// The built bot as a process of its own (`dotnet exec PeerSupportBot.dll`), on a free loopback
/// port, configured by environment variables. It can be killed as a crash or a redeployment
/// would, mid-turn, with no chance to finish anything. Every line it logs is kept.
/// </summary>
public sealed partial class BotProcess : IBotEndpoint, IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private readonly Process _process;
    private readonly QueueClient _outbox;
    private readonly ConcurrentQueue<string> _lines;

    private BotProcess(Process process, Uri address, QueueClient outbox, ConcurrentQueue<string> lines)
    {
        _process = process;
        Address = address;
        _outbox = outbox;
        _lines = lines;
    }

    public Uri Address { get; }

    /// <summary>Whether <see cref="PostActivityAsync"/> returns only once the outbox queue is empty.</summary>
    public bool WaitsForOutbox { get; set; } = true;

    /// <summary>Everything the process wrote to its console (JSON log lines), so far.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    /// <summary>Starts the bot with these settings (the in-memory app's, say) and waits until it listens.</summary>
    public static async Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", Path.Combine(AppContext.BaseDirectory, "PeerSupportBot.dll"), "--urls", "http://127.0.0.1:0" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var lines = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lines.Enqueue(line);
            if (ListeningOn().Match(line) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value.TrimEnd('/') + "/"));
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(timeout));
        if (first != listening.Task)
        {
            var output = string.Join('\n', lines);
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"The bot process did not start listening within {timeout}:\n{output}");
        }

        var prefix = settings.TryGetValue("Storage:TablePrefix", out var tablePrefix) ? tablePrefix ?? "" : "";
        var outbox = new QueueServiceClient(settings["Storage:ConnectionString"]).GetQueueClient(prefix.ToLowerInvariant() + "outbox");
        return new BotProcess(process, await listening.Task, outbox, lines);
    }

    public async Task<HttpResponseMessage> PostActivityAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        var response = await Http.PostAsJsonAsync(new Uri(Address, "api/messages"), activity, BotFrameworkJsonContext.Default.Activity, cancellationToken);
        if (WaitsForOutbox)
        {
            await OutboxDrainedAsync(TimeSpan.FromSeconds(60));
        }

        return response;
    }

    /// <summary>
    /// Waits until the outbox queue is empty (a message being delivered still counts). It gives up
    /// only when the queue stops shrinking for <paramref name="withoutProgress"/>: a busy machine
    /// drains slowly, a stuck message not at all, and only the second is a failure.
    /// </summary>
    public async Task OutboxDrainedAsync(TimeSpan withoutProgress)
    {
        var deadline = DateTimeOffset.UtcNow + withoutProgress;
        var fewest = int.MaxValue;
        while (await _outbox.ExistsAsync() && (await _outbox.GetPropertiesAsync()).Value.ApproximateMessagesCount is var count and > 0)
        {
            if (count < fewest)
            {
                fewest = count;
                deadline = DateTimeOffset.UtcNow + withoutProgress;
            }
            else if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The outbox held {count} messages and delivered none for {withoutProgress}.");
            }

            // Polling a condition: Azurite offers no change notification for a queue.
            await Task.Delay(TimeSpan.FromMilliseconds(25));
        }
    }

    /// <summary>Kills the process at once, as a crash would: nothing in flight finishes.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    [GeneratedRegex(@"Now listening on: (http://[^\s""]+)")]
    private static partial Regex ListeningOn();
}
