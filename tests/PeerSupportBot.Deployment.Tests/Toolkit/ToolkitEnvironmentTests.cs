using System.Text.Json.Nodes;
using PeerSupportBot.Deployment.Tests.Infra;
using PeerSupportBot.Deployment.Tests.Manifest;
using PeerSupportBot.Deployment.Tests.Support;

namespace PeerSupportBot.Deployment.Tests.Toolkit;

/// <summary>
/// The toolkit's variables reach the template, the manifest and the deploy step: every ${{NAME}} is
/// set in the env file or written by an earlier step, and the template's outputs carry the names
/// the later steps read.
/// </summary>
public sealed class ToolkitEnvironmentTests(CompiledTemplateFixture fixture) : IClassFixture<CompiledTemplateFixture>
{
    [Theory]
    [InlineData("m365agents.yml", "dev")]
    [InlineData("m365agents.local.yml", "local")]
    [InlineData("m365agents.playground.yml", "playground")]
    public void Every_variable_a_step_reads_is_in_the_env_file_or_written_before_it(string fileName, string environment)
    {
        var project = ToolkitProject.Yaml(fileName);
        var known = new HashSet<string>([.. ToolkitProject.EnvFile(environment).Keys, .. ToolkitProject.BuiltIns], StringComparer.Ordinal);
        var missing = new List<string>();

        foreach (var lifecycle in new[] { "provision", "deploy", "publish" })
        {
            foreach (var (step, index) in ToolkitProject.Steps(project, lifecycle).Select((step, index) => (step, index)))
            {
                var reads = ToolkitProject.References(step.ToJsonString()).ToList();
                if (step["uses"].Text() == "arm/deploy")
                    reads.AddRange(ToolkitProject.References(File.ReadAllText(Repository.PathOf("infra", "main.parameters.json"))));
                if (step["uses"].Text() == "teamsApp/zipAppPackage")
                    reads.AddRange(ToolkitProject.References(File.ReadAllText(Repository.PathOf("manifest", "manifest.json"))));
                missing.AddRange(reads.Where(name => !known.Contains(name)).Select(name => $"{lifecycle}[{index}] {step["uses"].Text()} reads {name}"));

                known.UnionWith(ToolkitProject.Written(step));
                if (step["uses"].Text() == "arm/deploy")
                    known.UnionWith(fixture.Template.Outputs.Select(output => output.Key.ToUpperInvariant()));
            }
        }

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }

    [Theory]
    [InlineData("BOT_ID", ".clientId]")]
    [InlineData("BOT_DOMAIN", ".defaultHostName]")]
    [InlineData("BOT_AZURE_APP_SERVICE_RESOURCE_ID", "[resourceId('Microsoft.Web/sites', variables('webAppName'))]")]
    public void Provisioning_writes_the_bot_id_domain_and_web_app_from_the_template_outputs(string name, string valueEnding)
    {
        var output = fixture.Template.Outputs[name];

        Assert.NotNull(output);
        Assert.EndsWith(valueEnding, output!["value"].Text(), StringComparison.Ordinal);
        Assert.Contains(name, ToolkitProject.EnvFile("dev").Keys);
    }

    [Fact]
    public void The_toolkit_parameters_set_only_template_parameters_and_all_the_required_ones()
    {
        var given = JsonNode.Parse(File.ReadAllText(Repository.PathOf("infra", "main.parameters.json")))!["parameters"]!.AsObject();
        var declared = fixture.Template.Root["parameters"]!.AsObject();

        Assert.Empty(given.Select(pair => pair.Key).Except(declared.Select(pair => pair.Key)));
        var required = declared.Where(pair => pair.Value?["defaultValue"] is null).Select(pair => pair.Key);
        Assert.Empty(required.Except(given.Select(pair => pair.Key)));
        Assert.Equal("${{RESOURCE_BASE_NAME}}", given["baseName"]!["value"].Text());
        Assert.Equal("${{TEAMS_APP_ID}}", given["teamsAppId"]!["value"].Text());
    }

    [Fact]
    public void The_Teams_app_id_tags_the_web_app_and_the_bot()
    {
        foreach (var type in new[] { "Microsoft.Web/sites", "Microsoft.BotService/botServices" })
            Assert.Equal("[variables('servingTags')]", fixture.Template.Single(type)!["tags"].Text());
        Assert.Contains("'teams-app-id'", fixture.Template.Root["variables"]!["servingTags"].Text(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("local")]
    [InlineData("playground")]
    public void Committed_env_files_hold_no_secret_and_their_user_files_are_ignored(string environment)
    {
        Assert.DoesNotContain(ToolkitProject.EnvFile(environment), pair => pair.Key.StartsWith("SECRET_", StringComparison.Ordinal));
        Assert.True(GitIgnores($"env/.env.{environment}.user"), $"env/.env.{environment}.user must be git-ignored: secrets go there.");
        Assert.False(GitIgnores($"env/.env.{environment}"), $"env/.env.{environment} is part of the project.");
    }

    [Fact]
    public void The_local_bot_secret_goes_to_a_user_file_and_an_ignored_settings_file()
    {
        var steps = ToolkitProject.Steps(ToolkitProject.Yaml("m365agents.local.yml"), "provision");
        var entra = steps.Single(step => step["uses"].Text() == "aadApp/create");
        var settings = steps.Single(step => step["uses"].Text() == "file/createOrUpdateEnvironmentFile")["with"]!;

        Assert.Equal("SECRET_BOT_PASSWORD", entra["writeToEnvironmentFile"]!["clientSecret"].Text());
        Assert.Equal("${{SECRET_BOT_PASSWORD}}", settings["envs"]!["MicrosoftAppPassword"].Text());
        Assert.True(GitIgnores(settings["target"].Text()!.TrimStart('.', '/')));
    }

    private static bool GitIgnores(string path) =>
        ProcessRunner.RunAsync("git", ["check-ignore", "--no-index", "--quiet", path]).GetAwaiter().GetResult().ExitCode == 0;
}
