using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;
using PeerSupportBot.Deployment.Tests.Support;

namespace PeerSupportBot.Deployment.Tests.Manifest;

/// <summary>
/// The official manifest and localization schemas of the manifest version the app uses, as the
/// Agents Toolkit's npm @microsoft/app-manifest bundles them (pinned in package-lock.json; npm ci
/// installs it, ./scripts/test.sh does that).
/// </summary>
internal static class TeamsAppSchemas
{
    /// <summary>The manifest version of manifest/manifest.json and of the schemas kept beside it.</summary>
    public const string ManifestVersion = "1.30";

    private static readonly Lazy<JsonSchema> Manifest = new(() => Load("MicrosoftTeams.schema.json"));
    private static readonly Lazy<JsonSchema> Localization = new(() => Load("MicrosoftTeams.Localization.schema.json"));

    // NJsonSchema does not promise that one schema object may validate on several threads at once.
    private static readonly Lock Gate = new();

    // Keywords that only describe a schema; anything else beside a $ref constrains the value.
    private static readonly HashSet<string> AnnotationKeywords = ["$ref", "description", "title", "default", "examples"];

    public static IEnumerable<string> ValidateManifest(string json, string fileName) => Validate(Manifest.Value, json, fileName);

    public static IEnumerable<string> ValidateLocalization(string json, string fileName) => Validate(Localization.Value, json, fileName);

    private static List<string> Validate(JsonSchema schema, string json, string fileName)
    {
        ICollection<ValidationError> errors;
        lock (Gate)
            errors = schema.Validate(json);
        var described = new List<string>();
        foreach (var error in errors)
            Describe(error, fileName, described);
        return described;
    }

    // "en.json: schema: StringTooLong at #/name.short"; an anyOf/oneOf failure lists its branches' errors too.
    private static void Describe(ValidationError error, string fileName, List<string> described)
    {
        described.Add($"{fileName}: schema: {error.Kind} at {error.Path ?? "#"}");
        if (error is ChildSchemaValidationError child)
        {
            foreach (var nested in child.Errors.Values.SelectMany(branch => branch))
                Describe(nested, fileName, described);
        }
    }

    private static JsonSchema Load(string fileName)
    {
        var path = Repository.PathOf("node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams", $"v{ManifestVersion}", fileName);
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path} is missing: run `npm ci` in {Repository.Root} (./scripts/test.sh does).");
        var schema = JsonNode.Parse(File.ReadAllText(path))!;
        KeepConstraintsBesideReferences(schema);
        // Only local $refs: no network access while loading.
        return JsonSchema.FromJsonAsync(schema.ToJsonString()).GetAwaiter().GetResult();
    }

    // The localization schema writes {"$ref": nonEmptyString, "maxLength": 30}. Draft-04 validators
    // (NJsonSchema among them) ignore whatever stands beside a $ref, which would drop the length
    // limits Teams enforces. Moving the $ref into an allOf keeps both, as the authors meant.
    private static void KeepConstraintsBesideReferences(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject schema:
                foreach (var (_, child) in schema.ToList())
                    KeepConstraintsBesideReferences(child);
                if (schema.ContainsKey("$ref") && schema.Any(pair => !AnnotationKeywords.Contains(pair.Key)))
                {
                    var reference = schema["$ref"]!.DeepClone();
                    schema.Remove("$ref");
                    schema["allOf"] = new JsonArray(new JsonObject { ["$ref"] = reference });
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                    KeepConstraintsBesideReferences(child);
                break;
        }
    }
}
