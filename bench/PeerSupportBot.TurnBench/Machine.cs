using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace PeerSupportBot.TurnBench;

/// <summary>Where the figures were measured: they mean little without it.</summary>
internal sealed record Machine(string Cpu, int Cores, double MemoryGb, string Os, string Dotnet, string Node, string LoadAtStart, DateTimeOffset At)
{
    public string Summary => string.Create(CultureInfo.InvariantCulture, $"{Cores} cores ({Cpu}), {MemoryGb:F1} GB, {Os}, .NET {Dotnet}, Node.js {Node}; load average {LoadAtStart} at the start");

    public static Machine Describe()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";
        var memoryKb = File.Exists("/proc/meminfo")
            ? double.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)
            : 0;
        return new Machine(cpu, Environment.ProcessorCount, memoryKb / 1024 / 1024, RuntimeInformation.OSDescription, Environment.Version.ToString(), NodeVersion(), LoadAverage(), DateTimeOffset.UtcNow);
    }

    /// <summary>The 1, 5 and 15 minute load averages: the shared machine's other work.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static string NodeVersion()
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            var version = node!.StandardOutput.ReadToEnd().Trim();
            node.WaitForExit();
            return version.TrimStart('v');
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "not found";
        }
    }
}
