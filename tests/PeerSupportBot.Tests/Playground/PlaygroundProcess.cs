using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Playground;

/// <summary>
/// The playground's node process, started from the repository's node_modules (npm ci installs
/// it; ./scripts/test.sh does that). Disposing kills the whole process tree.
/// </summary>
internal sealed class PlaygroundProcess : IDisposable
{
    private const string CliPath = "node_modules/@microsoft/m365agentsplayground/cli.js";
    private const string ListeningPrefix = "Listening on ";

    private readonly Process _process;
    private readonly string _workDirectory;
    private readonly StringBuilder _output;

    private PlaygroundProcess(Process process, string workDirectory, StringBuilder output, int port)
    {
        _process = process;
        _workDirectory = workDirectory;
        _output = output;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string LogFile => Path.Combine(_workDirectory, "m365agentsplayground.log");

    public bool HasExited => _process.HasExited;

    public static async Task<PlaygroundProcess> StartAsync(Uri botMessagesEndpoint, TimeSpan timeout)
    {
        var root = RepositoryRoot.Find();
        var cli = Path.Combine(root, CliPath);
        if (!File.Exists(cli))
            throw new InvalidOperationException($"{cli} is missing: run `npm ci` in {root} (./scripts/test.sh does).");

        // Its own folder, so a developer's .m365agentsplayground.yml or devTools/ are not involved.
        var workDirectory = Directory.CreateTempSubdirectory("playground-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     cli,
                     "--app-endpoint", botMessagesEndpoint.ToString(),
                     "--channel-id", "msteams",
                     "--port", FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--disable-telemetry",
                 })
        {
            start.ArgumentList.Add(arg);
        }
        // Without this it tries to open a browser and exits where there is none.
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workDirectory, "m365agentsplayground.log");

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = new StringBuilder();
        // With stdout not a terminal it prints only "Listening on <port>"; the port can differ from
        // the one asked for, since it silently falls back to a random one when that is taken.
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) => OnOutput(e.Data, output, listening);
        process.ErrorDataReceived += (_, e) => OnOutput(e.Data, output, listening);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(timeout));
        if (first != listening.Task)
        {
            var why = first == exited ? $"exited with {process.ExitCode}" : $"did not listen within {timeout}";
            Kill(process);
            throw new InvalidOperationException($"The playground {why}. Output:\n{output}");
        }
        return new PlaygroundProcess(process, workDirectory, output, await listening.Task);
    }

    /// <summary>How many activities of this name the bot has answered so far, from the log.</summary>
    public int Answered(string activityName)
    {
        if (!File.Exists(LogFile)) return 0;
        // The playground appends while we read; share the file rather than lock it.
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        return PlaygroundLog.Answered(lines, activityName);
    }

    /// <summary>
    /// Completes once <paramref name="condition"/> (about the log) holds. It is checked again each
    /// time the playground writes its log, as the file system signals it: no polling interval.
    /// False when it still does not hold after <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> WaitForLogAsync(Func<bool> condition, TimeSpan timeout)
    {
        // Not disposed: a file event raised as the watcher stops may still release it.
        var written = new SemaphoreSlim(0);
        using var watcher = new FileSystemWatcher(_workDirectory, Path.GetFileName(LogFile))
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler signal = (_, _) => written.Release();
        watcher.Changed += signal;
        watcher.Created += signal;
        watcher.EnableRaisingEvents = true;
        using var deadline = new CancellationTokenSource(timeout);

        // Watching starts before the first check, so a write in between still wakes the wait.
        while (!condition())
        {
            try
            {
                await written.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                return condition();
            }
        }

        return true;
    }

    /// <summary>What it printed, and a summary of its log, for failure messages.</summary>
    public string Diagnostics()
    {
        var log = File.Exists(LogFile) ? PlaygroundLog.Summarize(File.ReadLines(LogFile)) : "(no log)";
        lock (_output) return $"playground output:\n{_output}playground log ({LogFile}):\n{log}";
    }

    public void Dispose()
    {
        Kill(_process);
        _process.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    private static void OnOutput(string? line, StringBuilder output, TaskCompletionSource<int> listening)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
        if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal)
            && int.TryParse(line.AsSpan(ListeningPrefix.Length), out var port))
        {
            listening.TrySetResult(port);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
