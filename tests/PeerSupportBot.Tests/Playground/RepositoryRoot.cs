namespace PeerSupportBot.Tests.Playground;

internal static class RepositoryRoot
{
    private const string SolutionFile = "PeerSupportBot.sln";

    /// <summary>The folder holding PeerSupportBot.sln, found by walking up from the test binaries.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile))) return dir.FullName;
        }
        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}.");
    }
}
