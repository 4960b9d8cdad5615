using PeerSupportBot.Deployment.Tests.Support;

namespace PeerSupportBot.Deployment.Tests.Infra;

/// <summary>
/// Copies of infra/main.bicep with one bad line added each, beside a copy of infra/bicepconfig.json
/// so the project's rule levels apply. no-hardcoded-location is off by Bicep's default: its warning
/// shows that the project's configuration is the one in force.
/// </summary>
internal static class WeakenedTemplates
{
    private static readonly Dictionary<string, (string Addition, string Diagnostic)> Cases = new()
    {
        ["a storage key as output"] = ("output storageKey string = storage.listKeys().keys[0].value", "Error outputs-should-not-contain-secrets"),
        ["a parameter never used"] = ("param appPassword string = 'x'", "Warning no-unused-params"),
        ["a hard-coded region"] = ("resource extra 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {\n  name: 'id-extra'\n  location: 'westeurope'\n}",
            "Warning no-hardcoded-location"),
        ["the text key as output"] = ("output textKey string = outboxTextKey", "Error outputs-should-not-contain-secrets"),
        ["a secure parameter with a literal default"] = ("@secure()\nparam otherKey string = 'not-random'\noutput otherKeyLength int = length(otherKey)",
            "Error secure-parameter-default"),
    };

    private static readonly string Directory = System.IO.Directory.CreateTempSubdirectory("bicep-weakened-").FullName;

    private static readonly Lazy<Task<ProcessResult>> Lint = new(LintAsync);

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    /// <summary>The copy's path and the diagnostic its added line must draw.</summary>
    public static (string File, string Diagnostic) Expectation(string caseName) =>
        (FileOf(caseName), Cases[caseName].Diagnostic);

    public static Task<ProcessResult> LintAllAsync() => Lint.Value;

    private static string FileOf(string caseName) =>
        Path.Combine(Directory, $"{Cases.Keys.ToList().IndexOf(caseName)}.bicep");

    private static async Task<ProcessResult> LintAsync()
    {
        var original = await File.ReadAllTextAsync(Repository.PathOf("infra", "main.bicep"));
        foreach (var (name, (addition, _)) in Cases)
            await File.WriteAllTextAsync(FileOf(name), $"{original}\n{addition}\n");
        File.Copy(Repository.PathOf("infra", "bicepconfig.json"), Path.Combine(Directory, "bicepconfig.json"), overwrite: true);

        try
        {
            return await BicepCli.RunAsync("lint", "--pattern", Path.Combine(Directory, "*.bicep"));
        }
        finally
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
