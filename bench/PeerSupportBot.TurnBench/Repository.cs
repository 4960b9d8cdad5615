namespace PeerSupportBot.TurnBench;

internal static class Repository
{
    /// <summary>The directory holding PeerSupportBot.sln, above the benchmark's binaries.</summary>
    public static string Root()
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
}
