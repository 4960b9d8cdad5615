using System.Diagnostics;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Playground;

/// <summary>
/// Runs a script of tests/browser (playwright-core driving Debian's chromium) to its end and
/// returns its exit code and what it printed.
/// </summary>
internal static class BrowserScript
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(5);

    public static async Task<(int ExitCode, string Output)> RunAsync(string script, params string[] arguments)
    {
        if (!File.Exists(Chromium) && Environment.GetEnvironmentVariable("CHROMIUM_PATH") is not { Length: > 0 })
            throw new InvalidOperationException($"{Chromium} is missing: apt-get install -y chromium (./scripts/test.sh installs it).");

        var root = RepositoryRoot.Find();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(root, "tests", "browser", script));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(Limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish within {Limit}:\n{await output}\n{await errors}");
        }

        return (process.ExitCode, $"{await output}{await errors}");
    }
}
