using PeerSupportBot.Deployment.Tests.Support;

namespace PeerSupportBot.Deployment.Tests.Manifest;

public sealed class PackagingScriptTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("app-package-").FullName;

    private string Zip => Path.Combine(_directory, "PeerSupportBot.zip");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("TEAMS_APP_ID")]
    [InlineData("BOT_ID")]
    [InlineData("BOT_DOMAIN")]
    public async Task Packaging_stops_and_names_the_missing_value(string name)
    {
        var values = PackagingScript.RequiredValues(Zip);
        values.Remove(name);

        var result = await PackagingScript.RunAsync(values);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"{name} is not set", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Zip), "No package may be written when a value is missing.");
    }

    [Theory]
    [InlineData("BOT_ID", "my-bot")]
    [InlineData("TEAMS_APP_ID", "5d3b0a8e-2f4c-4e6a-9b1d")]
    [InlineData("BOT_DOMAIN", "https://app.azurewebsites.net")]
    [InlineData("BOT_DOMAIN", "app.azurewebsites.net/api/messages")]
    [InlineData("APP_VERSION", "1.0")]
    [InlineData("PRIVACY_URL", "http://example.com/privacy")]
    [InlineData("TERMS_URL", "https://example.com/\"terms")]
    [InlineData("DEVELOPER_NAME", "A publisher name longer than 32 chars")]
    public async Task Packaging_rejects_a_malformed_value(string name, string value)
    {
        var values = PackagingScript.RequiredValues(Zip);
        values[name] = value;

        var result = await PackagingScript.RunAsync(values);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"{name}='{value}' is not valid", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(Zip));
    }

    [Fact]
    public async Task Optional_values_replace_the_defaults_and_the_result_is_still_valid()
    {
        var values = PackagingScript.RequiredValues(Zip);
        values["APP_VERSION"] = "2.3.4";
        values["DEVELOPER_NAME"] = "Esimerkki Oy & Kumppanit";
        values["PRIVACY_URL"] = "https://esimerkki.fi/tietosuoja";
        values["TERMS_URL"] = "https://esimerkki.fi/kayttoehdot";
        values["WEBSITE_URL"] = "https://esimerkki.fi/";

        var result = await PackagingScript.RunAsync(values);

        Assert.True(result.ExitCode == 0, result.ToString());
        var package = TeamsAppPackage.FromZip(Zip);
        var developer = package.Manifest["developer"]!;
        Assert.Equal("2.3.4", package.Manifest["version"].Text());
        Assert.Equal("Esimerkki Oy & Kumppanit", developer["name"].Text());
        Assert.Equal("https://esimerkki.fi/tietosuoja", developer["privacyUrl"].Text());
        Assert.Equal("https://esimerkki.fi/kayttoehdot", developer["termsOfUseUrl"].Text());
        Assert.Equal("https://esimerkki.fi/", developer["websiteUrl"].Text());
        Assert.Empty(TeamsAppPackageValidator.Validate(package, AppPackageFixture.Expectations));
    }

    [Fact]
    public async Task Packaging_again_replaces_the_previous_package()
    {
        await File.WriteAllTextAsync(Zip, "an old package");

        var result = await PackagingScript.RunAsync(PackagingScript.RequiredValues(Zip));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, TeamsAppPackage.FromZip(Zip).Files.Count);
    }

    [Fact]
    public async Task Packaging_for_an_environment_takes_its_values_from_the_env_file_as_the_toolkit_does()
    {
        var result = await PackagingScript.RunAsync(PackagingScript.RequiredValues(Zip), "dev");

        Assert.True(result.ExitCode == 0, result.ToString());
        var developer = TeamsAppPackage.FromZip(Zip).Manifest["developer"]!;
        Assert.Equal(ToolkitEnv("WEBSITE_URL"), developer["websiteUrl"].Text());
        Assert.Equal(ToolkitEnv("PRIVACY_URL"), developer["privacyUrl"].Text());
        Assert.Equal(AppPackageFixture.TeamsAppId, TeamsAppPackage.FromZip(Zip).Manifest["id"].Text());
    }

    [Fact]
    public async Task Packaging_refuses_an_environment_without_an_env_file()
    {
        var result = await PackagingScript.RunAsync(PackagingScript.RequiredValues(Zip), "prod");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("env/.env.prod does not exist", result.StandardError, StringComparison.Ordinal);
    }

    private static string ToolkitEnv(string name) => Toolkit.ToolkitProject.EnvFile("dev")[name];
}
