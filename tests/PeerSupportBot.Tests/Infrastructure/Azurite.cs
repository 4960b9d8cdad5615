using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PeerSupportBot.Tests.Infrastructure;

/// <summary>
/// The Azurite table and queue services the tests run against. The test command starts one and passes its
/// connection string in PEERSUPPORT_TEST_STORAGE; a plain `dotnet test` starts its own from the
/// repository's node_modules.
/// </summary>
public static class Azurite
{
    public const string EnvironmentVariable = "PEERSUPPORT_TEST_STORAGE";

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly Lazy<string> ConnectionStringValue = new(StartOrFind, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ConnectionString => ConnectionStringValue.Value;

    private static string StartOrFind()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var root = RepositoryRoot.Find();
        var executable = Path.Combine(root, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Azurite is not installed: run `npm ci` in {root}, or the test command ./scripts/test.sh.");
        }

        var port = FreePort();
        var queuePort = FreePort();
        Start(executable, ["--tableHost", "127.0.0.1", "--tablePort", Invariant(port), "--skipApiVersionCheck", "--silent", "--inMemoryPersistence"]);
        Start(Path.Combine(root, "node_modules", ".bin", "azurite-queue"), ["--queueHost", "127.0.0.1", "--queuePort", Invariant(queuePort), "--skipApiVersionCheck", "--silent", "--inMemoryPersistence"]);
        WaitForPort(port, TimeSpan.FromSeconds(30));
        WaitForPort(queuePort, TimeSpan.FromSeconds(30));
        return ConnectionStringFor(port, queuePort);
    }

    public static string ConnectionStringFor(int port, int queuePort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;";

    private static void Start(string executable, string[] arguments)
    {
        var process = Process.Start(new ProcessStartInfo(executable, arguments)) ?? throw new InvalidOperationException("Azurite did not start.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } };
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    internal static int FreePort()
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
