using System.Globalization;

namespace PeerSupportBot.TurnBench;

/// <summary>
/// Everything one run needs, started fresh and stopped at the end: Azurite's tables (with its
/// debug log when asked) and queue, the fake Teams connector, and the three targets, each a
/// separate process behind its own counting proxy. Nothing is shared with another run.
/// </summary>
internal sealed class Rig : IAsyncDisposable
{
    // Azurite's well-known development account key: public and documented, not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly List<IDisposable> _processes = [];
    private readonly List<IAsyncDisposable> _servers = [];

    private Rig(string root, string workDirectory)
    {
        Root = root;
        WorkDirectory = workDirectory;
    }

    public string Root { get; }

    public string WorkDirectory { get; }

    /// <summary>Azurite's --debug log, when this rig keeps one.</summary>
    public string? AzuriteLog { get; private set; }

    public int TablePort { get; private set; }

    public IReadOnlyList<Target> Targets { get; private set; } = [];

    public Target this[TargetKind kind] => Targets.Single(target => target.Kind == kind);

    /// <summary>The connection string to Azurite itself, bypassing the proxies: for seeding the peer's own tables.</summary>
    public string DirectConnectionString => ConnectionString($"http://127.0.0.1:{TablePort}", null);

    public static async Task<Rig> StartAsync(string root, string label, bool azuriteDebugLog, int connections)
    {
        var work = Path.Combine(root, "artifacts", "turnbench", label);
        if (Directory.Exists(work))
        {
            Directory.Delete(work, recursive: true);
        }

        Directory.CreateDirectory(work);
        var rig = new Rig(root, work);
        try
        {
            await rig.StartAllAsync(azuriteDebugLog, connections);
            return rig;
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var target in Targets)
        {
            target.Dispose();
        }

        foreach (var process in _processes)
        {
            process.Dispose();
        }

        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }

    private async Task StartAllAsync(bool azuriteDebugLog, int connections)
    {
        var bin = Path.Combine(Root, "node_modules", ".bin");
        if (!File.Exists(Path.Combine(bin, "azurite-table")))
        {
            throw new InvalidOperationException($"Azurite is not installed: run `npm ci` in {Root}.");
        }

        TablePort = ChildProcess.FreePort();
        List<string> tableArguments = ["--tableHost", "127.0.0.1", "--tablePort", Invariant(TablePort), "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent"];
        if (azuriteDebugLog)
        {
            AzuriteLog = Path.Combine(WorkDirectory, "azurite-debug.log");
            tableArguments.AddRange(["--debug", AzuriteLog]);
        }

        var tables = Track(ChildProcess.Start("azurite-table", Path.Combine(bin, "azurite-table"), tableArguments, Path.Combine(WorkDirectory, "azurite-table.out"), Empty));
        var queuePort = ChildProcess.FreePort();
        var queues = Track(ChildProcess.Start("azurite-queue", Path.Combine(bin, "azurite-queue"),
            ["--queueHost", "127.0.0.1", "--queuePort", Invariant(queuePort), "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry", "--silent"],
            Path.Combine(WorkDirectory, "azurite-queue.out"), Empty));
        await tables.WaitForPortAsync(TablePort, TimeSpan.FromSeconds(30));
        await queues.WaitForPortAsync(queuePort, TimeSpan.FromSeconds(30));

        var teams = await FakeTeams.StartAsync();
        _servers.Add(teams);
        var targets = new List<Target>();
        foreach (var kind in new[] { TargetKind.Bot, TargetKind.Limit, TargetKind.Peer })
        {
            var proxy = await CountingProxy.StartAsync(TablePort);
            _servers.Add(proxy);
            var port = ChildProcess.FreePort();
            var process = StartTarget(kind, port, ConnectionString(proxy.Address, $"http://127.0.0.1:{queuePort}"));
            targets.Add(new Target(kind, process, $"http://127.0.0.1:{port}", proxy, teams, connections));
        }

        Targets = targets;
        foreach (var target in targets)
        {
            await target.Process.WaitForPortAsync(new Uri(target.Endpoint.GetLeftPart(UriPartial.Authority)).Port, TimeSpan.FromSeconds(60));
        }
    }

    private ChildProcess StartTarget(TargetKind kind, int port, string storage)
    {
        var url = $"http://127.0.0.1:{port}";
        var log = Path.Combine(WorkDirectory, kind.ToString().ToLowerInvariant() + ".log");
        return kind switch
        {
            // The product as it ships, in Release: Development with no app id is its loopback dev mode
            // (unauthenticated, loopback callers only, loopback connector allowed). Warnings only on the
            // console, as the peer logs nothing per turn. The deadline sweep runs hourly instead of every
            // minute, so a sweep's reads never land inside a request count.
            TargetKind.Bot => ChildProcess.Start("bot", "dotnet", [Built("src/PeerSupportBot", "PeerSupportBot.dll"), "--urls", url], log, new Dictionary<string, string>(BotRuntimeSettings())
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["DOTNET_ENVIRONMENT"] = "Development",
                ["MicrosoftAppId"] = "",
                ["Storage__ConnectionString"] = storage,
                ["Storage__TablePrefix"] = "bot",
                ["HelpRequests__SweepInterval"] = "01:00:00",
                ["Logging__LogLevel__Default"] = "Warning",
            }),
            TargetKind.Limit => ChildProcess.Start("limit", "dotnet", [Built("bench/PeerSupportBot.Bench.Limit", "PeerSupportBot.Bench.Limit.dll"), "--urls", url], log, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Storage__ConnectionString"] = storage,
                ["Storage__TablePrefix"] = "limit",
            }),
            _ => ChildProcess.Start("peer", "node", [Path.Combine(Root, "bench", "peer", "index.js")], log, new Dictionary<string, string>
            {
                ["PORT"] = Invariant(port),
                ["STORAGE_CONNECTION_STRING"] = storage,
                ["TABLE_PREFIX"] = "peer",
                ["NODE_ENV"] = "production",
            }, Path.Combine(Root, "bench", "peer")),
        };
    }

    /// <summary>
    /// Runtime settings for the bot alone, to compare them in one rig: BENCH_BOT_ENV="DOTNET_gcServer=0;DOTNET_GCgen0size=0x1000000".
    /// The limit, the peer and the benchmark itself keep theirs.
    /// </summary>
    private static Dictionary<string, string> BotRuntimeSettings() =>
        (Environment.GetEnvironmentVariable("BENCH_BOT_ENV") ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(setting => setting.Split('=', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1], StringComparer.Ordinal);

    private string Built(string project, string dll)
    {
        var path = Path.Combine(Root, project, "bin", "Release", "net10.0", dll);
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: run the benchmark with -c Release (its project builds both).");
    }

    private ChildProcess Track(ChildProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private static string ConnectionString(string tableHost, string? queueHost) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint={tableHost}/devstoreaccount1;"
        + (queueHost is null ? "" : $"QueueEndpoint={queueHost}/devstoreaccount1;");

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static readonly Dictionary<string, string> Empty = [];
}
