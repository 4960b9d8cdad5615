using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PeerSupportBot.Deployment.Tests.Manifest;

/// <summary>The files of a Teams app package by name, as they sit at the zip's root.</summary>
internal sealed record TeamsAppPackage(IReadOnlyDictionary<string, byte[]> Files)
{
    public const string ManifestFileName = "manifest.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static TeamsAppPackage FromZip(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var content = entry.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            files.Add(entry.FullName, copy.ToArray());
        }

        return new TeamsAppPackage(files);
    }

    public string Text(string name) => Encoding.UTF8.GetString(Files[name]);

    public JsonObject Json(string name) =>
        JsonNode.Parse(Text(name)) as JsonObject ?? throw new InvalidDataException($"{name} is not a JSON object.");

    public JsonObject Manifest => Json(ManifestFileName);

    public TeamsAppPackage With(string name, byte[] content) =>
        new(new Dictionary<string, byte[]>(Files, StringComparer.Ordinal) { [name] = content });

    public TeamsAppPackage Without(string name)
    {
        var files = new Dictionary<string, byte[]>(Files, StringComparer.Ordinal);
        files.Remove(name);
        return new TeamsAppPackage(files);
    }

    /// <summary>A copy whose JSON file <paramref name="name"/> has been changed by <paramref name="change"/>.</summary>
    public TeamsAppPackage WithJson(string name, Action<JsonObject> change)
    {
        var json = Json(name);
        change(json);
        return With(name, Encoding.UTF8.GetBytes(json.ToJsonString(Indented)));
    }

    public TeamsAppPackage WithManifest(Action<JsonObject> change) => WithJson(ManifestFileName, change);
}
