using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PeerSupportBot.Deployment.Tests.Manifest;

/// <summary>Manifest rules beyond the schema: version, placeholders, the bot, its command lists, domains.</summary>
internal static partial class ManifestRules
{
    private static readonly string[] BotScopes = ["personal", "team", "groupChat"];

    public static IEnumerable<string> Check(JsonObject manifest, TeamsAppPackage package, PackageExpectations expected) =>
    [
        .. Versions(manifest),
        .. Placeholders(package),
        .. Bot(manifest, expected),
        .. CommandLists(manifest),
        .. Domains(manifest, expected),
        .. DeveloperPages(manifest),
    ];

    /// <summary>Commands one list may hold: 10, and 12 from manifest version 1.23 on.</summary>
    public static int CommandLimit(string manifestVersion) =>
        Version.TryParse(manifestVersion, out var version) && version >= new Version(1, 23) ? 12 : 10;

    private static IEnumerable<string> Versions(JsonObject manifest)
    {
        var manifestVersion = manifest["manifestVersion"].Text();
        if (manifestVersion != TeamsAppSchemas.ManifestVersion)
            yield return $"manifestVersion is \"{manifestVersion}\", but the schemas the tests use are for {TeamsAppSchemas.ManifestVersion}";

        var schemaUrl = manifest["$schema"].Text();
        if (schemaUrl is not null && !schemaUrl.EndsWith($"/v{TeamsAppSchemas.ManifestVersion}/MicrosoftTeams.schema.json", StringComparison.Ordinal))
            yield return $"$schema {schemaUrl} is not the v{TeamsAppSchemas.ManifestVersion} manifest schema";

        var appVersion = manifest["version"].Text();
        if (appVersion is null || !SemanticVersion().IsMatch(appVersion))
            yield return $"version \"{appVersion}\" is not a semantic version such as 1.0.0";
    }

    private static IEnumerable<string> Placeholders(TeamsAppPackage package)
    {
        foreach (var (name, _) in package.Files.Where(file => file.Key.EndsWith(".json", StringComparison.Ordinal)))
        {
            var placeholder = Placeholder().Match(package.Text(name));
            if (placeholder.Success)
                yield return $"{name} still has the placeholder {placeholder.Value}: packaging did not fill it in";
        }
    }

    private static IEnumerable<string> Bot(JsonObject manifest, PackageExpectations expected)
    {
        var bots = manifest["bots"].Items();
        if (bots.Count != 1)
        {
            yield return $"the manifest must declare exactly one bot, not {bots.Count}";
            yield break;
        }

        var botId = bots[0]?["botId"].Text();
        if (!string.Equals(botId, expected.BotId, StringComparison.OrdinalIgnoreCase))
            yield return $"bots[0].botId is \"{botId}\", but the bot's id (BOT_ID) is \"{expected.BotId}\"";

        var scopes = bots[0]?["scopes"].Texts() ?? [];
        foreach (var missing in BotScopes.Except(scopes, StringComparer.Ordinal))
            yield return $"bots[0].scopes lacks \"{missing}\": the bot serves personal chats, teams and group chats";
    }

    private static IEnumerable<string> CommandLists(JsonObject manifest)
    {
        var bot = manifest.FirstBot();
        var botScopes = bot?["scopes"].Texts() ?? [];
        var lists = bot?["commandLists"].Items() ?? [];
        var limit = CommandLimit(manifest["manifestVersion"].Text() ?? "");
        var listsPerScope = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var index = 0; index < lists.Count; index++)
        {
            var list = lists[index];
            foreach (var scope in list?["scopes"].Texts() ?? [])
            {
                listsPerScope[scope] = listsPerScope.GetValueOrDefault(scope) + 1;
                if (!botScopes.Contains(scope))
                    yield return $"bots[0].commandLists[{index}] is for scope \"{scope}\", which the bot does not have";
            }

            var titles = (list?["commands"].Items() ?? []).Select(command => command?["title"].Text() ?? "").ToList();
            if (titles.Count > limit)
                yield return $"bots[0].commandLists[{index}] has {titles.Count} commands; manifest version {manifest["manifestVersion"].Text()} allows {limit}";
            foreach (var duplicate in titles.GroupBy(title => title, StringComparer.OrdinalIgnoreCase).Where(group => group.Count() > 1))
                yield return $"bots[0].commandLists[{index}] lists the command \"{duplicate.Key}\" more than once";
        }

        foreach (var scope in botScopes)
        {
            var count = listsPerScope.GetValueOrDefault(scope);
            if (count != 1)
                yield return $"scope \"{scope}\" has {count} command lists; each scope of the bot needs exactly one";
        }
    }

    private static IEnumerable<string> Domains(JsonObject manifest, PackageExpectations expected)
    {
        var domains = manifest["validDomains"].Texts();
        if (!domains.Contains(expected.BotDomain, StringComparer.OrdinalIgnoreCase))
            yield return $"validDomains lacks the bot's domain \"{expected.BotDomain}\" (BOT_DOMAIN)";
    }

    // The schema's httpsUrl pattern also lets http:// through; Teams and common sense want https.
    private static IEnumerable<string> DeveloperPages(JsonObject manifest)
    {
        foreach (var page in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
        {
            var url = manifest["developer"]?[page].Text();
            if (url is not null && !url.StartsWith("https://", StringComparison.Ordinal))
                yield return $"developer.{page} must be an https URL, not {url}";
        }
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")]
    private static partial Regex SemanticVersion();

    [GeneratedRegex(@"\$\{\{[A-Za-z0-9_]*\}\}")]
    private static partial Regex Placeholder();
}
