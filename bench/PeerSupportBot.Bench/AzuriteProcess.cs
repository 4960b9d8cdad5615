using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PeerSupportBot.Bench;

/// <summary>
/// The table service to measure against: the test command's Azurite (PEERSUPPORT_TEST_STORAGE),
/// or an in-memory one started here from the repository's node_modules and stopped on dispose.
/// </summary>
internal sealed class AzuriteProcess : IDisposable
{
    public const string EnvironmentVariable = "PEERSUPPORT_TEST_STORAGE";

    // Azurite's well-known development account key: public and documented, not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process? _process;

    private AzuriteProcess(string connectionString, Process? process)
    {
        ConnectionString = connectionString;
        _process = process;
    }

    public string ConnectionString { get; }

    public bool StartedHere => _process is not null;

    public static AzuriteProcess StartOrFind()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return new AzuriteProcess(configured, null);
        }

        var root = RepositoryRoot();
        var executable = Path.Combine(root, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed: run `npm ci` in {root}, or set {EnvironmentVariable}.");
        }

        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo(executable,
            ["--tableHost", "127.0.0.1", "--tablePort", port.ToString(CultureInfo.InvariantCulture), "--skipApiVersionCheck", "--silent", "--inMemoryPersistence", "--disableTelemetry"]))
            ?? throw new InvalidOperationException("Azurite did not start.");
        var azurite = new AzuriteProcess(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;",
            process);
        try
        {
            WaitForPort(port, TimeSpan.FromSeconds(30));
        }
        catch
        {
            azurite.Dispose();
            throw;
        }

        return azurite;
    }

    public void Dispose()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(TimeSpan.FromSeconds(5));
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PeerSupportBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository (PeerSupportBot.sln not found above it).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void WaitForPort(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        throw new TimeoutException($"Azurite did not listen on port {port} within {timeout}.");
    }
}
