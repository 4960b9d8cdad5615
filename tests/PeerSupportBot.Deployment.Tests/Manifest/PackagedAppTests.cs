using PeerSupportBot.Deployment.Tests.Support;

namespace PeerSupportBot.Deployment.Tests.Manifest;

public sealed class PackagedAppTests(AppPackageFixture fixture) : IClassFixture<AppPackageFixture>
{
    private TeamsAppPackage Package => fixture.Package;

    [Fact]
    public void The_packaged_app_passes_the_official_schemas_and_every_rule()
    {
        var errors = TeamsAppPackageValidator.Validate(Package, AppPackageFixture.Expectations);

        Assert.True(errors.Count == 0, "The app package is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, errors));
    }

    [Fact]
    public void The_package_holds_the_manifest_its_translation_and_both_icons_at_its_root()
    {
        Assert.Equal(["color.png", "en.json", "manifest.json", "outline.png"], Package.Files.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Packaging_fills_in_the_app_id_bot_id_and_domain_from_the_environment()
    {
        var manifest = Package.Manifest;

        Assert.Equal(AppPackageFixture.TeamsAppId, manifest["id"].Text());
        Assert.Equal(AppPackageFixture.BotId, manifest["bots"]![0]!["botId"].Text());
        Assert.Equal([AppPackageFixture.BotDomain], manifest["validDomains"].Texts());
        Assert.Equal("1.0.0", manifest["version"].Text());
        Assert.Equal($"https://{AppPackageFixture.BotDomain}/privacy", manifest["developer"]!["privacyUrl"].Text());
        Assert.Equal($"https://{AppPackageFixture.BotDomain}/terms", manifest["developer"]!["termsOfUseUrl"].Text());
    }

    [Fact]
    public void The_template_in_the_repository_leaves_the_ids_and_domain_to_packaging()
    {
        var template = File.ReadAllText(Repository.PathOf("manifest", "manifest.json"));

        Assert.Contains("\"id\": \"${{TEAMS_APP_ID}}\"", template, StringComparison.Ordinal);
        Assert.Contains("\"botId\": \"${{BOT_ID}}\"", template, StringComparison.Ordinal);
        Assert.Contains("\"${{BOT_DOMAIN}}\"", template, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("color.png")]
    [InlineData("outline.png")]
    [InlineData("en.json")]
    public void Packaged_files_are_the_committed_ones(string name)
    {
        Assert.Equal(File.ReadAllBytes(Repository.PathOf("manifest", name)), Package.Files[name]);
    }

    [Fact]
    public void Finnish_is_the_default_language_and_English_is_translated()
    {
        var info = Package.Manifest["localizationInfo"]!;
        var english = Package.Json("en.json");

        Assert.Equal("fi-fi", info["defaultLanguageTag"].Text());
        Assert.Equal("en", info["additionalLanguages"]![0]!["languageTag"].Text());
        Assert.Equal("Vertaistuki", Package.Manifest["name"]!["short"].Text());
        Assert.Equal("Peer Support", english["name.short"].Text());
    }

    [Theory]
    [InlineData("personal", "kysy|uusi ryhmä|omat ryhmät|liity|aiheeni|omat tietoni|unohda minut|ohje",
        "ask|new cohort|my cohorts|join|my topics|my data|forget me|help")]
    [InlineData("team", "kutsu|ohje", "invite|help")]
    [InlineData("groupChat", "kutsu|ohje", "invite|help")]
    public void Each_scope_lists_its_commands_in_Finnish_and_in_English(string scope, string finnish, string english)
    {
        var lists = Package.Manifest["bots"]![0]!["commandLists"].Items();
        var index = lists.ToList().FindIndex(list => list!["scopes"].Texts().SequenceEqual([scope]));
        Assert.True(index >= 0, $"No command list is for {scope} alone.");
        var commands = lists[index]!["commands"].Items();
        var translation = Package.Json("en.json");

        Assert.Equal(finnish.Split('|'), commands.Select(command => command!["title"].Text()));
        Assert.Equal(english.Split('|'), commands.Select((_, command) => translation[$"bots[0].commandLists[{index}].commands[{command}].title"].Text()));
    }

    [Fact]
    public void Packaging_reports_what_it_wrote()
    {
        Assert.Contains("PeerSupportBot.zip", fixture.Result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("", fixture.Result.StandardError);
    }
}
