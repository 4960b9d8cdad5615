using PeerSupportBot.Deployment.Tests.Manifest;
using PeerSupportBot.Deployment.Tests.Support;

namespace PeerSupportBot.Deployment.Tests.Toolkit;

/// <summary>The toolkit's project files, checked offline against the yml schema the toolkit ships.</summary>
public sealed class ToolkitYamlTests
{
    public static TheoryData<string> YamlFiles => [.. ToolkitProject.YamlFiles];

    // Name of the case => how to break m365agents.yml, and a phrase the rejection must contain.
    private static readonly Dictionary<string, (Func<string, string> Break, string Reason)> Cases = new()
    {
        ["an older yml version"] = (yml => yml.Replace("version: v1.13", "version: v1.11", StringComparison.Ordinal), "at /version: const"),
        ["an action the toolkit does not have"] = (yml => yml.Replace("uses: teamsApp/validateAppPackage", "uses: teamsApp/validatePackage", StringComparison.Ordinal), "at /provision"),
        ["a misspelt parameter"] = (yml => yml.Replace("artifactFolder:", "artifactsFolder:", StringComparison.Ordinal), "at /deploy/1"),
        ["zip deploy without a resource id"] = (yml => yml.Replace("      resourceId: ${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}\n", "", StringComparison.Ordinal), "at /deploy/1"),
        ["an unknown lifecycle"] = (yml => yml.Replace("publish:\n", "release:\n", StringComparison.Ordinal), "at /release"),
        ["not YAML"] = (yml => yml + "\n  - : [", "not YAML"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void Every_toolkit_yml_passes_the_schema_the_toolkit_ships(string fileName)
    {
        var errors = ToolkitYamlSchema.Validate(File.ReadAllText(Repository.PathOf(fileName)), fileName);

        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
    }

    [Theory]
    [MemberData(nameof(YamlFiles))]
    public void Every_toolkit_yml_names_the_schema_version_it_is_written_for(string fileName)
    {
        var text = File.ReadAllText(Repository.PathOf(fileName));

        Assert.StartsWith($"# yaml-language-server: $schema=https://aka.ms/m365-agents-toolkits/{ToolkitYamlSchema.Version}/yaml.schema.json", text, StringComparison.Ordinal);
        Assert.Equal(ToolkitYamlSchema.Version, ToolkitProject.Yaml(fileName)["version"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_broken_yml_is_rejected_with_the_reason(string caseName)
    {
        var (breakYaml, reason) = Cases[caseName];
        var broken = breakYaml(File.ReadAllText(Repository.PathOf("m365agents.yml")).ReplaceLineEndings("\n"));

        var errors = ToolkitYamlSchema.Validate(broken, "m365agents.yml");

        Assert.True(errors.Any(error => error.Contains(reason, StringComparison.Ordinal)),
            $"Expected a rejection containing \"{reason}\", got:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    [Fact]
    public void Provision_creates_the_app_deploys_the_template_then_validates_packages_and_uploads()
    {
        var project = ToolkitProject.Yaml("m365agents.yml");

        Assert.Equal(
            ["teamsApp/create", "arm/deploy", "teamsApp/validateManifest", "teamsApp/zipAppPackage", "teamsApp/validateAppPackage", "teamsApp/update"],
            ToolkitProject.Uses(project, "provision"));
        var arm = ToolkitProject.Steps(project, "provision")[1]["with"]!["templates"]![0]!;
        Assert.Equal("./infra/main.bicep", arm["path"]!.GetValue<string>());
        Assert.Equal("./infra/main.parameters.json", arm["parameters"]!.GetValue<string>());
    }

    [Fact]
    public void Deploy_publishes_the_bot_and_zip_deploys_it_to_the_provisioned_web_app()
    {
        var project = ToolkitProject.Yaml("m365agents.yml");
        var steps = ToolkitProject.Steps(project, "deploy");

        Assert.Equal(["cli/runDotnetCommand", "azureAppService/zipDeploy"], ToolkitProject.Uses(project, "deploy"));
        Assert.Contains("publish src/PeerSupportBot", steps[0]["with"]!["args"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("--output artifacts/publish", steps[0]["with"]!["args"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("artifacts/publish", steps[1]["with"]!["artifactFolder"]!.GetValue<string>());
        Assert.Equal("${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}", steps[1]["with"]!["resourceId"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("m365agents.yml", "provision")]
    [InlineData("m365agents.yml", "publish")]
    [InlineData("m365agents.local.yml", "provision")]
    public void Every_package_the_toolkit_zips_is_the_one_it_validates_and_uploads(string fileName, string lifecycle)
    {
        var steps = ToolkitProject.Steps(ToolkitProject.Yaml(fileName), lifecycle);
        var zip = steps.Single(step => step["uses"].Text() == "teamsApp/zipAppPackage")["with"]!;

        Assert.Equal("./manifest/manifest.json", zip["manifestPath"].Text());
        Assert.Equal("./manifest/build/appPackage.${{TEAMSFX_ENV}}.zip", zip["outputZipPath"].Text());
        Assert.All(
            steps.Where(step => step["with"]?["appPackagePath"] is not null),
            step => Assert.Equal(zip["outputZipPath"].Text(), step["with"]!["appPackagePath"].Text()));
    }
}

