using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using PeerSupportBot.Deployment.Tests.Support;
using YamlDotNet.Core;

namespace PeerSupportBot.Deployment.Tests.Toolkit;

/// <summary>
/// The schema the Microsoft 365 Agents Toolkit checks m365agents*.yml against, copied from npm
/// @microsoft/m365agentstoolkit-cli (tests/Schemas/README.md says why a copy and from where).
/// </summary>
internal static class ToolkitYamlSchema
{
    /// <summary>The yml version the schema accepts (its "version" is a const).</summary>
    public const string Version = "v1.13";

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Repository.PathOf("tests", "Schemas", $"m365agents-yaml-{Version}.schema.json"))));

    /// <summary>Every problem, "file: at /provision/2: …"; empty when the file is valid.</summary>
    public static IReadOnlyList<string> Validate(string yaml, string fileName)
    {
        JsonNode? json;
        try
        {
            json = YamlToJson.Convert(yaml);
        }
        catch (YamlException exception)
        {
            return [$"{fileName}: not YAML: {exception.Message}"];
        }

        using var document = JsonDocument.Parse(json?.ToJsonString() ?? "null");
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (results.IsValid) return [];
        var problems = new List<string>();
        Describe(results, fileName, problems);
        return problems.Count > 0 ? [.. problems.Distinct(StringComparer.Ordinal)] : [$"{fileName}: does not match the toolkit's yml schema"];
    }

    // Only failing nodes under failing nodes: an anyOf branch that failed beside one that passed is
    // not a problem (every step is an anyOf over all the toolkit's actions).
    private static void Describe(EvaluationResults node, string fileName, List<string> problems)
    {
        if (node.IsValid) return;
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
            problems.Add($"{fileName}: at {node.InstanceLocation}: {keyword}: {message}");
        foreach (var child in node.Details ?? [])
            Describe(child, fileName, problems);
    }
}
