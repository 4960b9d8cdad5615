using System.Text.RegularExpressions;
using PeerSupportBot.Deployment.Tests.Support;

namespace PeerSupportBot.Deployment.Tests.Infra;

/// <summary>The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package the test project references.</summary>
internal static partial class BicepCli
{
    private static readonly Lazy<string> Executable = new(MakeExecutable);

    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(Executable.Value, arguments, new Dictionary<string, string?>
        {
            // The CLI is a .NET program; without ICU on a machine it would refuse to start.
            ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1",
        });

    /// <summary>Every warning or error Bicep reported, e.g. "main.bicep(3,7) : Warning no-unused-params: …".</summary>
    public static IReadOnlyList<string> Diagnostics(ProcessResult result) =>
        [.. $"{result.StandardError}\n{result.StandardOutput}".Split('\n').Where(line => Diagnostic().IsMatch(line))];

    /// <summary>Fails the test unless Bicep succeeded and said nothing at all about the files.</summary>
    public static void AssertClean(ProcessResult result)
    {
        var diagnostics = Diagnostics(result);
        Assert.True(result.ExitCode == 0 && diagnostics.Count == 0,
            $"Bicep must succeed without a warning:{Environment.NewLine}{result}");
    }

    // NuGet does not always keep the executable bit when it extracts a package.
    private static string MakeExecutable()
    {
        var path = Repository.BicepExecutable;
        if (!File.Exists(path))
            throw new FileNotFoundException("The Bicep CLI is missing; restore the Deployment test project.", path);

        if (OperatingSystem.IsWindows())
            return path;

        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
            File.SetUnixFileMode(path, mode | execute);
        return path;
    }

    [GeneratedRegex(@"\)\s*:\s*(Warning|Error)\s")]
    private static partial Regex Diagnostic();
}
