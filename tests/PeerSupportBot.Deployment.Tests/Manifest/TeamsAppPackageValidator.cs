using System.Text.Json;
using System.Text.Json.Nodes;

namespace PeerSupportBot.Deployment.Tests.Manifest;

/// <summary>
/// Checks a Teams app package as Teams would, offline: the manifest and its localization files
/// against the official schemas of their version, then the rules a schema cannot express.
/// </summary>
internal static class TeamsAppPackageValidator
{
    /// <summary>Every problem found, one line each; empty when the package is valid.</summary>
    public static IReadOnlyList<string> Validate(TeamsAppPackage package, PackageExpectations expected)
    {
        if (!package.Files.ContainsKey(TeamsAppPackage.ManifestFileName))
            return ["manifest.json is not at the package's root"];

        JsonObject manifest;
        try
        {
            manifest = package.Manifest;
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException)
        {
            return [$"manifest.json is not a JSON object: {exception.Message}"];
        }

        return
        [
            .. TeamsAppSchemas.ValidateManifest(package.Text(TeamsAppPackage.ManifestFileName), TeamsAppPackage.ManifestFileName),
            .. ManifestRules.Check(manifest, package, expected),
            .. LocalizationRules.Check(manifest, package),
            .. IconRules.Check(manifest, package),
        ];
    }
}
