using System.Reflection;

namespace PeerSupportBot.Deployment.Tests.Support;

/// <summary>Paths the build wrote into the test assembly: the repository checkout and the Bicep CLI.</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    public static string BicepExecutable { get; } = Metadata("BicepExecutable");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no {key} metadata; see the .csproj.");
}
