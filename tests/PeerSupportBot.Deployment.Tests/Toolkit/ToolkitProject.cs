using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PeerSupportBot.Deployment.Tests.Manifest;
using PeerSupportBot.Deployment.Tests.Support;

namespace PeerSupportBot.Deployment.Tests.Toolkit;

/// <summary>The Agents Toolkit's files in the repository: the yml project files and env/.</summary>
internal static partial class ToolkitProject
{
    public static readonly string[] YamlFiles = ["m365agents.yml", "m365agents.local.yml", "m365agents.playground.yml"];

    /// <summary>Variables the toolkit sets by itself or asks for when they are empty.</summary>
    public static readonly string[] BuiltIns = ["TEAMSFX_ENV", "AZURE_SUBSCRIPTION_ID", "AZURE_RESOURCE_GROUP_NAME"];

    public static JsonObject Yaml(string fileName) =>
        YamlToJson.Convert(File.ReadAllText(Repository.PathOf(fileName))) as JsonObject
        ?? throw new InvalidDataException($"{fileName} is not a YAML mapping.");

    /// <summary>The actions of one lifecycle (provision, deploy, publish), in order.</summary>
    public static IReadOnlyList<JsonObject> Steps(JsonObject project, string lifecycle) =>
        [.. project[lifecycle].Items().OfType<JsonObject>()];

    public static IReadOnlyList<string> Uses(JsonObject project, string lifecycle) =>
        [.. Steps(project, lifecycle).Select(step => step["uses"].Text() ?? "")];

    /// <summary>The KEY=VALUE lines of env/.env.&lt;name&gt;.</summary>
    public static IReadOnlyDictionary<string, string> EnvFile(string name) =>
        File.ReadAllLines(Repository.PathOf("env", $".env.{name}"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "", StringComparer.Ordinal);

    /// <summary>Names a step writes into the environment file (writeToEnvironmentFile values).</summary>
    public static IEnumerable<string> Written(JsonObject step) =>
        step["writeToEnvironmentFile"] is JsonObject written ? written.Select(pair => pair.Value.Text() ?? "") : [];

    /// <summary>Every ${{NAME}} in a text.</summary>
    public static IReadOnlyList<string> References(string text) =>
        [.. Placeholder().Matches(text).Select(match => match.Groups[1].Value).Distinct(StringComparer.Ordinal)];

    [GeneratedRegex(@"\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();
}
