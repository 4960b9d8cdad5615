using System.Text;
using System.Text.Json.Nodes;
using PeerSupportBot.Deployment.Tests.Png;

namespace PeerSupportBot.Deployment.Tests.Manifest;

/// <summary>Each broken variant of the real package must be rejected, and for the right reason.</summary>
public sealed class BrokenPackageTests(AppPackageFixture fixture) : IClassFixture<AppPackageFixture>
{
    private static readonly Rgba White = new(255, 255, 255, 255);
    private static readonly Rgba Clear = new(0, 0, 0, 0);

    // Name of the case => how to break the good package, and a phrase the rejection must contain.
    private static readonly Dictionary<string, (Func<TeamsAppPackage, TeamsAppPackage> Break, string Reason)> Cases = new()
    {
        ["no accent colour"] = (p => p.WithManifest(m => m.Remove("accentColor")), "PropertyRequired at #/accentColor"),
        ["short name over 30 characters"] = (p => p.WithManifest(m => m["name"]!["short"] = new string('a', 31)), "StringTooLong at #/name.short"),
        ["app id not a GUID"] = (p => p.WithManifest(m => m["id"] = "peer-support"), "PatternMismatch at #/id"),
        ["privacy page over http"] = (p => p.WithManifest(m => m["developer"]!["privacyUrl"] = "http://example.com/privacy"), "developer.privacyUrl must be an https URL"),
        ["unknown property"] = (p => p.WithManifest(m => m["botIdentity"] = "x"), "NoAdditionalPropertiesAllowed at #/botIdentity"),
        ["another manifest version"] = (p => p.WithManifest(m => m["manifestVersion"] = "1.23"), "manifestVersion is \"1.23\""),
        ["version not semantic"] = (p => p.WithManifest(m => m["version"] = "1.0"), "version \"1.0\" is not a semantic version"),
        ["bot id differs from BOT_ID"] = (p => p.WithManifest(m => m["bots"]![0]!["botId"] = "00000000-0000-0000-0000-000000000001"),
            "bots[0].botId is \"00000000-0000-0000-0000-000000000001\", but the bot's id (BOT_ID) is"),
        ["placeholder left"] = (p => p.WithManifest(m => m["developer"]!["name"] = "${{DEVELOPER_NAME}}"), "still has the placeholder ${{DEVELOPER_NAME}}"),
        ["bot not in teams"] = (p => p.WithManifest(m => m["bots"]![0]!["scopes"] = new JsonArray("personal", "groupChat")), "bots[0].scopes lacks \"team\""),
        ["thirteen commands in a list"] = (p => p.WithManifest(m => AddCommands(m, 0, 5)), "has 13 commands; manifest version 1.30 allows 12"),
        ["thirteen commands, per the schema"] = (p => p.WithManifest(m => AddCommands(m, 0, 5)), "TooManyItems at #/bots[0].commandLists[0].commands"),
        ["a scope without commands"] = (p => p.WithManifest(m => CommandLists(m).RemoveAt(2)), "scope \"groupChat\" has 0 command lists"),
        ["a scope in two lists"] = (p => p.WithManifest(m => CommandLists(m)[1]!["scopes"] = new JsonArray("team", "personal")), "scope \"personal\" has 2 command lists"),
        ["a command listed twice"] = (p => p.WithManifest(m => Commands(m, 1).Add(new JsonObject { ["title"] = "Kutsu", ["description"] = "x" })),
            "lists the command \"kutsu\" more than once"),
        ["domain missing"] = (p => p.WithManifest(m => m["validDomains"] = new JsonArray("example.com")), "validDomains lacks the bot's domain"),
        ["English default"] = (p => p.WithManifest(m => m["localizationInfo"]!["defaultLanguageTag"] = "en-us"), "the default language must be Finnish"),
        ["translation missing from the package"] = (p => p.Without("en.json"), "localizationInfo refers to en.json, which is not in the package"),
        ["translated short name too long"] = (p => p.WithJson("en.json", t => t["name.short"] = new string('a', 31)), "en.json: schema: StringTooLong at #/name.short"),
        ["translation lacks its required description"] = (p => p.WithJson("en.json", t => t.Remove("description.full")), "en.json: schema: PropertyRequired at #/description.full"),
        ["translation misses a command"] = (p => p.WithJson("en.json", t => t.Remove("bots[0].commandLists[0].commands[7].title")),
            "en.json does not translate bots[0].commandLists[0].commands[7].title"),
        ["translation of a command that does not exist"] = (p => p.WithJson("en.json", t => t["bots[0].commandLists[1].commands[5].title"] = "ghost"),
            "en.json translates bots[0].commandLists[1].commands[5].title, but the manifest has no such command"),
        ["translation not JSON"] = (p => p.With("en.json", Encoding.UTF8.GetBytes("{ \"name.short\": ")), "en.json is not a JSON object"),
        ["manifest not JSON"] = (p => p.With("manifest.json", Encoding.UTF8.GetBytes("<manifest/>")), "manifest.json is not a JSON object"),
        ["no manifest"] = (p => p.Without("manifest.json"), "manifest.json is not at the package's root"),
        ["outline icon missing"] = (p => p.Without("outline.png"), "icons.outline refers to outline.png, which is not in the package"),
        ["outline 48 pixels"] = (p => p.With("outline.png", Outline(48)), "outline.png must be 32x32 pixels, not 48x48"),
        ["colour icon 96 pixels"] = (p => p.With("color.png", PngWriter.Encode(96, 96, (x, _) => x < 48 ? White : new Rgba(44, 110, 116, 255))),
            "color.png must be 192x192 pixels, not 96x96"),
        ["colour icon one flat colour"] = (p => p.With("color.png", PngWriter.Encode(192, 192, (_, _) => White)), "color.png is a single flat colour"),
        ["outline with a coloured pixel"] = (p => p.With("outline.png", Outline(32, (x, y) => x == 16 && y == 16 ? new Rgba(44, 110, 116, 255) : null)),
            "pixel (16, 16) is #2C6E74 alpha 255"),
        ["outline with a grey edge"] = (p => p.With("outline.png", Outline(32, (x, y) => x == 10 && y == 8 ? new Rgba(200, 200, 200, 128) : null)),
            "pixel (10, 8) is #C8C8C8 alpha 128"),
        ["outline without alpha"] = (p => p.With("outline.png", PngWriter.Encode(32, 32, (x, _) => x < 16 ? White : new Rgba(0, 0, 0, 255), withAlpha: false)),
            "outline.png has no transparency"),
        ["outline on a white square"] = (p => p.With("outline.png", PngWriter.Encode(32, 32, (_, _) => White)), "a corner is not transparent"),
        ["outline empty"] = (p => p.With("outline.png", PngWriter.Encode(32, 32, (_, _) => Clear)), "has no fully opaque pixel"),
        ["outline not a PNG"] = (p => p.With("outline.png", Encoding.UTF8.GetBytes("<svg/>")), "outline.png cannot be read: not a PNG file"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_broken_package_is_rejected_with_the_reason(string caseName)
    {
        var (breakPackage, reason) = Cases[caseName];

        var errors = TeamsAppPackageValidator.Validate(breakPackage(fixture.Package), AppPackageFixture.Expectations);

        Assert.True(errors.Any(error => error.Contains(reason, StringComparison.Ordinal)),
            $"Expected a rejection containing \"{reason}\", got:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    [Fact]
    public void A_package_for_another_bot_is_rejected()
    {
        var errors = TeamsAppPackageValidator.Validate(fixture.Package, AppPackageFixture.Expectations with { BotId = "11111111-1111-1111-1111-111111111111" });

        Assert.Contains(errors, error => error.StartsWith("bots[0].botId is", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1.19", 10)]
    [InlineData("1.22", 10)]
    [InlineData("1.23", 12)]
    [InlineData("1.30", 12)]
    public void Command_lists_may_hold_12_commands_from_manifest_version_1_23_and_10_before(string version, int limit)
    {
        Assert.Equal(limit, ManifestRules.CommandLimit(version));
    }

    private static JsonArray CommandLists(JsonObject manifest) => (JsonArray)manifest["bots"]![0]!["commandLists"]!;

    private static JsonArray Commands(JsonObject manifest, int list) => (JsonArray)CommandLists(manifest)[list]!["commands"]!;

    private static void AddCommands(JsonObject manifest, int list, int count)
    {
        for (var i = 0; i < count; i++)
            Commands(manifest, list).Add(new JsonObject { ["title"] = $"extra {i}", ["description"] = "x" });
    }

    // A valid outline (a white square in the middle of a clear background), with optional changed pixels.
    private static byte[] Outline(int size, Func<int, int, Rgba?>? change = null) =>
        PngWriter.Encode(size, size, (x, y) =>
            change?.Invoke(x, y) ?? (x >= 4 && x < size - 4 && y >= 4 && y < size - 4 ? White : Clear));
}
