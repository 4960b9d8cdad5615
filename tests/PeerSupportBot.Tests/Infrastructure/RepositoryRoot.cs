namespace PeerSupportBot.Tests.Infrastructure;

public static class RepositoryRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PeerSupportBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PeerSupportBot.sln not found above the test binaries.");
    }
}
