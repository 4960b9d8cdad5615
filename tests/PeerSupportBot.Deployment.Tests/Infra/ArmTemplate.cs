using System.Text.Json.Nodes;
using PeerSupportBot.Deployment.Tests.Manifest;

namespace PeerSupportBot.Deployment.Tests.Infra;

/// <summary>
/// Read access to a compiled ARM template: resources by type, app settings, outputs. Bicep writes
/// resources as an array, or, once the file uses newer features such as user-defined types
/// (languageVersion 2.0), as an object keyed by symbolic name; both read the same here.
/// </summary>
internal sealed class ArmTemplate(JsonObject root)
{
    public JsonObject Root { get; } = root;

    public IReadOnlyList<JsonObject> AllResources => Root["resources"] switch
    {
        JsonArray array => [.. array.OfType<JsonObject>()],
        JsonObject symbolic => [.. symbolic.Select(pair => pair.Value).OfType<JsonObject>()],
        _ => [],
    };

    public IReadOnlyList<JsonObject> Resources(string type) =>
        [.. AllResources.Where(resource => string.Equals(resource["type"].Text(), type, StringComparison.OrdinalIgnoreCase))];

    /// <summary>
    /// True when an ARM expression points at a resource of <paramref name="type"/>: by resourceId('type', …)
    /// or, in symbolic-name templates, by reference('symbol').
    /// </summary>
    public bool Mentions(string? expression, string type)
    {
        if (expression is null)
            return false;
        if (expression.Contains($"'{type}'", StringComparison.OrdinalIgnoreCase))
            return true;
        return Root["resources"] is JsonObject symbolic
            && symbolic.Any(pair => string.Equals(pair.Value?["type"].Text(), type, StringComparison.OrdinalIgnoreCase)
                && expression.Contains($"('{pair.Key}')", StringComparison.Ordinal));
    }

    /// <summary>The expression with each variables('name') of a plain string variable replaced by its quoted value.</summary>
    public string? ExpandVariables(string? expression)
    {
        if (expression is null || Root["variables"] is not JsonObject variables)
            return expression;
        foreach (var (name, value) in variables)
        {
            if (value.Text() is { } text && !text.StartsWith('['))
                expression = expression.Replace($"variables('{name}')", $"'{text}'", StringComparison.Ordinal);
        }

        return expression;
    }

    public void Remove(JsonObject resource)
    {
        switch (Root["resources"])
        {
            case JsonArray array:
                array.Remove(resource);
                break;
            case JsonObject symbolic:
                symbolic.Remove(symbolic.Single(pair => ReferenceEquals(pair.Value, resource)).Key);
                break;
        }
    }

    public JsonObject? Single(string type) => Resources(type) is [var only] ? only : null;

    /// <summary>The web app's app settings, name to value (the value as written: text or an ARM expression).</summary>
    public IReadOnlyDictionary<string, string> WebAppSettings() =>
        Single("Microsoft.Web/sites")?["properties"]?["siteConfig"]?["appSettings"].Items()
            .OfType<JsonObject>()
            .ToDictionary(setting => setting["name"].Text() ?? "", setting => setting["value"].Text() ?? setting["value"]?.ToJsonString() ?? "")
        ?? new Dictionary<string, string>();

    public JsonObject Outputs => Root["outputs"] as JsonObject ?? [];

    /// <summary>A deep copy to break in a test.</summary>
    public ArmTemplate Copy() => new((JsonObject)Root.DeepClone());
}
