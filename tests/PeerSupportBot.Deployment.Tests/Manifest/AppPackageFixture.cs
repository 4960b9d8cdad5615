using PeerSupportBot.Deployment.Tests.Support;

namespace PeerSupportBot.Deployment.Tests.Manifest;

/// <summary>Runs scripts/package-app.sh once with sample values and opens the zip it wrote.</summary>
public sealed class AppPackageFixture : IAsyncLifetime
{
    public const string TeamsAppId = "5d3b0a8e-2f4c-4e6a-9b1d-7c8e9f0a1b2c";
    public const string BotId = "c0ffee00-1234-4abc-8def-0123456789ab";
    public const string BotDomain = "app-vertaistuki-test.azurewebsites.net";

    private readonly string _directory = Directory.CreateTempSubdirectory("app-package-").FullName;

    internal TeamsAppPackage Package { get; private set; } = null!;

    internal static PackageExpectations Expectations { get; } = new(BotId, BotDomain);

    internal ProcessResult Result { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var zip = Path.Combine(_directory, "PeerSupportBot.zip");
        Result = await PackagingScript.RunAsync(PackagingScript.RequiredValues(zip));
        Assert.True(Result.ExitCode == 0, $"scripts/package-app.sh failed: {Result}");
        Package = TeamsAppPackage.FromZip(zip);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>scripts/package-app.sh, run through bash with exactly the environment a test gives it.</summary>
internal static class PackagingScript
{
    private static readonly string[] Variables =
        ["TEAMS_APP_ID", "BOT_ID", "BOT_DOMAIN", "APP_VERSION", "DEVELOPER_NAME", "WEBSITE_URL", "PRIVACY_URL", "TERMS_URL", "PACKAGE_OUTPUT"];

    public static Dictionary<string, string?> RequiredValues(string output) => new()
    {
        ["TEAMS_APP_ID"] = AppPackageFixture.TeamsAppId,
        ["BOT_ID"] = AppPackageFixture.BotId,
        ["BOT_DOMAIN"] = AppPackageFixture.BotDomain,
        ["PACKAGE_OUTPUT"] = output,
    };

    public static Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string?> values, string? environmentName = null)
    {
        // Values a developer has exported must not leak into the test: unset every variable not given.
        var environment = Variables.ToDictionary(name => name, name => values.GetValueOrDefault(name));
        string[] arguments = environmentName is null
            ? [Repository.PathOf("scripts", "package-app.sh")]
            : [Repository.PathOf("scripts", "package-app.sh"), environmentName];
        return ProcessRunner.RunAsync("bash", arguments, environment);
    }
}
