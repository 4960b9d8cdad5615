using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace PeerSupportBot.Testing;

/// <summary>
/// Checks card JSON against the official Adaptive Card 1.5 schema (tests/Schemas, copied to the
/// test output), plus the few rules Teams needs that the schema leaves out. See tests/Schemas/README.md.
/// </summary>
internal static class AdaptiveCardSchema
{
    public const string SchemaFileName = "adaptive-card-1.5.schema.json";

    // Loading parses 90 KB and resolves every $ref; do it once per test assembly.
    private static readonly Lazy<JsonSchema> Schema = new(Load);

    // Test classes run in parallel; NJsonSchema does not promise a shared schema is safe to use
    // from several threads at once, and a validation takes about a millisecond.
    private static readonly Lock ValidationLock = new();

    /// <summary>Every problem found, one entry each (with its reasons on indented lines); empty when the card is valid.</summary>
    public static IReadOnlyList<string> Validate(JsonElement card)
    {
        var errors = new List<string>();
        if (JsonNode.Parse(card.GetRawText()) is not JsonObject root)
        {
            errors.Add($"A card must be a JSON object, not {card.ValueKind}.");
            return errors;
        }

        if (root["type"]?.GetValueKind() != JsonValueKind.String || (string?)root["type"] != "AdaptiveCard")
            errors.Add("The root must have \"type\": \"AdaptiveCard\".");
        if (root["version"]?.GetValueKind() != JsonValueKind.String)
            errors.Add("A top-level card must state its \"version\".");

        // msteams is a Teams host extension the schema does not know; check it here, then hide it.
        if (root.Remove("msteams", out var teams))
            errors.AddRange(ValidateTeamsExtension(teams));

        lock (ValidationLock)
            errors.AddRange(Schema.Value.Validate(root.ToJsonString()).Select(Describe));
        return errors;
    }

    /// <summary>Fails the test with every problem listed when the card is not valid.</summary>
    public static void AssertValid(JsonElement card)
    {
        var errors = Validate(card);
        Assert.True(errors.Count == 0, $"The card does not match the Adaptive Card 1.5 schema:{Environment.NewLine}"
            + string.Join(Environment.NewLine, errors) + Environment.NewLine + card.GetRawText());
    }

    /// <summary>Fails the test when the card, given as raw JSON, is valid.</summary>
    public static IReadOnlyList<string> AssertInvalid(string cardJson)
    {
        using var document = JsonDocument.Parse(cardJson);
        var errors = Validate(document.RootElement);
        Assert.True(errors.Count > 0, $"Expected the card to be rejected, but it is valid:{Environment.NewLine}{cardJson}");
        return errors;
    }

    private static IEnumerable<string> ValidateTeamsExtension(JsonNode? teams)
    {
        if (teams is not JsonObject properties)
        {
            yield return "msteams must be an object.";
            yield break;
        }

        foreach (var (name, value) in properties)
        {
            switch (name)
            {
                case "width" when value?.GetValueKind() == JsonValueKind.String && (string?)value == "Full":
                case "entities" when value is JsonArray:
                    break;
                default:
                    yield return $"msteams.{name} is not a Teams card property this validator knows (width \"Full\", entities).";
                    break;
            }
        }
    }

    // One entry per top-level error; the reasons below it are indented on further lines.
    private static string Describe(ValidationError error)
    {
        var lines = new List<string>();
        Describe(error, lines, indent: "");
        return string.Join(Environment.NewLine, lines);
    }

    private static void Describe(ValidationError error, List<string> lines, string indent)
    {
        lines.Add($"{indent}{error.Kind} at {error.Path ?? "#"}");
        if (error is not ChildSchemaValidationError child)
            return;

        // An element is checked against every element type (anyOf). Only the branches whose "type"
        // matched say anything useful; when none matched, the type itself is unknown.
        var branches = child.Errors.Values.ToList();
        var relevant = branches.Where(branch => !branch.Any(IsWrongType)).ToList();
        if (relevant.Count == 0 && branches.Count > 1)
        {
            lines.Add($"{indent}  no definition accepts this \"type\"");
            return;
        }

        foreach (var branchError in relevant.SelectMany(branch => branch))
            Describe(branchError, lines, indent + "  ");
    }

    private static bool IsWrongType(ValidationError error) =>
        error.Kind == ValidationErrorKind.NotInEnumeration && error.Property == "type";

    private static JsonSchema Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Schemas", SchemaFileName);
        // Local $refs only, so this completes without I/O beyond the file read.
        return JsonSchema.FromJsonAsync(File.ReadAllText(path)).GetAwaiter().GetResult();
    }
}
