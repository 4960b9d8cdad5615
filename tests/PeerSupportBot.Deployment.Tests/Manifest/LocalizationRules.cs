using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PeerSupportBot.Deployment.Tests.Manifest;

/// <summary>
/// Finnish is the default language; every additional language has a file in the package that
/// passes the localization schema and translates every command, and only commands that exist.
/// </summary>
internal static partial class LocalizationRules
{
    public static IEnumerable<string> Check(JsonObject manifest, TeamsAppPackage package)
    {
        if (manifest["localizationInfo"] is not JsonObject info)
        {
            yield return "localizationInfo is missing: Finnish must be the default language, with English as an additional one";
            yield break;
        }

        var defaultTag = info["defaultLanguageTag"].Text() ?? "";
        if (!IsFinnish(defaultTag))
            yield return $"localizationInfo.defaultLanguageTag is \"{defaultTag}\"; the default language must be Finnish (fi or fi-FI)";

        var languages = info["additionalLanguages"].Items();
        if (languages.Count == 0)
            yield return "localizationInfo.additionalLanguages is empty: the app needs at least the English translation";

        var seenTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { defaultTag };
        foreach (var language in languages)
        {
            var tag = language?["languageTag"].Text() ?? "";
            var file = language?["file"].Text() ?? "";
            if (!seenTags.Add(tag))
                yield return $"localizationInfo lists the language \"{tag}\" twice (or as both default and additional)";

            foreach (var error in CheckFile(manifest, package, file))
                yield return error;
        }
    }

    private static IEnumerable<string> CheckFile(JsonObject manifest, TeamsAppPackage package, string file)
    {
        if (!package.Files.ContainsKey(file))
        {
            yield return $"localizationInfo refers to {file}, which is not in the package";
            yield break;
        }

        JsonObject? translation = null;
        string? parseError = null;
        try
        {
            translation = package.Json(file);
        }
        catch (Exception exception) when (exception is JsonException or InvalidDataException)
        {
            parseError = $"{file} is not a JSON object: {exception.Message}";
        }

        if (translation is null)
        {
            yield return parseError!;
            yield break;
        }

        foreach (var error in TeamsAppSchemas.ValidateLocalization(package.Text(file), file))
            yield return error;

        var schemaUrl = translation["$schema"].Text();
        if (schemaUrl is not null && !schemaUrl.EndsWith($"/v{TeamsAppSchemas.ManifestVersion}/MicrosoftTeams.Localization.schema.json", StringComparison.Ordinal))
            yield return $"{file}: $schema {schemaUrl} is not the v{TeamsAppSchemas.ManifestVersion} localization schema";

        var commandKeys = CommandKeys(manifest);
        foreach (var key in commandKeys.Where(key => !translation.ContainsKey(key)))
            yield return $"{file} does not translate {key}";
        foreach (var (key, _) in translation.Where(pair => CommandKey().IsMatch(pair.Key) && !commandKeys.Contains(pair.Key)))
            yield return $"{file} translates {key}, but the manifest has no such command";
    }

    // bots[0].commandLists[i].commands[j].title and .description for every command in the manifest.
    private static HashSet<string> CommandKeys(JsonObject manifest)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var lists = manifest.FirstBot()?["commandLists"].Items() ?? [];
        for (var list = 0; list < lists.Count; list++)
        {
            var commands = lists[list]?["commands"].Items() ?? [];
            for (var command = 0; command < commands.Count; command++)
            {
                keys.Add($"bots[0].commandLists[{list}].commands[{command}].title");
                keys.Add($"bots[0].commandLists[{list}].commands[{command}].description");
            }
        }

        return keys;
    }

    private static bool IsFinnish(string tag) =>
        tag.Equals("fi", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("fi-", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^bots\[\d+\]\.commandLists\[\d+\]\.commands\[\d+\]\.(title|description)$")]
    private static partial Regex CommandKey();
}
