using PeerSupportBot.Deployment.Tests.Support;

namespace PeerSupportBot.Deployment.Tests.Manifest;

/// <summary>
/// The packaged manifest and its localization files through the Agents Toolkit's own offline
/// validator (npm @microsoft/app-manifest, run by scripts/validate-teams-app.cjs).
/// </summary>
public sealed class ToolkitValidatorTests(AppPackageFixture fixture) : IClassFixture<AppPackageFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("toolkit-validator-").FullName;

    // Name of the case => how to break the good package, and a phrase the toolkit's report must contain.
    private static readonly Dictionary<string, (Func<TeamsAppPackage, TeamsAppPackage> Break, string Reason)> Cases = new()
    {
        ["short name over 30 characters"] = (p => p.WithManifest(m => m["name"]!["short"] = new string('a', 31)),
            "manifest.json: /name/short must NOT have more than 30 characters"),
        ["bot id not a GUID"] = (p => p.WithManifest(m => m["bots"]![0]!["botId"] = "my-bot"), "manifest.json: /bots/0/botId must match pattern"),
        ["a fourth feature"] = (p => p.WithManifest(m => m["description"]!["features"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject { ["title"] = "x", ["description"] = "y" })),
            "manifest.json: /description/features must NOT have more than 3 items"),
        ["translated feature title too long"] = (p => p.WithJson("en.json", t => t["description.features[0].title"] = new string('a', 46)),
            "en.json: /description.features[0].title must NOT have more than 45 characters"),
        ["translation of a thirteenth command"] = (p => p.WithJson("en.json", t => t["bots[0].commandLists[0].commands[12].title"] = "ghost"),
            "en.json:  must NOT have additional properties"),
        ["translation without its schema"] = (p => p.WithJson("en.json", t => t.Remove("$schema")), "en.json: $schema \"\" is not a Teams localization schema"),
        ["translation missing"] = (p => p.Without("en.json"), "en.json: is missing"),
        ["manifest schema elsewhere"] = (p => p.WithManifest(m => m["$schema"] = "https://example.com/schema.json"),
            "is not a Teams manifest schema the toolkit bundles"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_toolkit_validator_accepts_the_packaged_manifest_and_its_translation()
    {
        var result = await ValidateAsync(fixture.Package);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.StandardOutput);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task The_toolkit_validator_rejects_a_broken_package_with_the_reason(string caseName)
    {
        var (breakPackage, reason) = Cases[caseName];

        var result = await ValidateAsync(breakPackage(fixture.Package));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(reason, result.StandardOutput, StringComparison.Ordinal);
    }

    private async Task<ProcessResult> ValidateAsync(TeamsAppPackage package)
    {
        foreach (var (name, content) in package.Files)
            await File.WriteAllBytesAsync(Path.Combine(_directory, name), content);
        return await ProcessRunner.RunAsync("node", [Repository.PathOf("scripts", "validate-teams-app.cjs"), _directory]);
    }
}
