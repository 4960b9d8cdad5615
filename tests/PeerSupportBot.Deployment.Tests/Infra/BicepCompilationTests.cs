using System.Text.Json.Nodes;
using PeerSupportBot.Deployment.Tests.Manifest;
using PeerSupportBot.Deployment.Tests.Support;

namespace PeerSupportBot.Deployment.Tests.Infra;

public sealed class BicepCompilationTests(CompiledTemplateFixture fixture) : IClassFixture<CompiledTemplateFixture>
{
    [Fact]
    public void The_template_compiles_without_a_warning()
    {
        BicepCli.AssertClean(fixture.Build);
    }

    [Fact]
    public async Task The_linter_finds_nothing_in_the_template()
    {
        BicepCli.AssertClean(await BicepCli.RunAsync("lint", Repository.PathOf("infra", "main.bicep")));
    }

    [Fact]
    public async Task The_parameters_file_compiles_against_the_template()
    {
        var result = await BicepCli.RunAsync("build-params", Repository.PathOf("infra", "main.bicepparam"), "--stdout");

        BicepCli.AssertClean(result);
        var parameters = JsonNode.Parse(JsonNode.Parse(result.StandardOutput)!["parametersJson"].Text()!)!["parameters"]!;
        Assert.Equal("vertaistuki", parameters["baseName"]!["value"].Text());
    }

    // The weakened copies are linted together in one run (a run takes a second or two).
    [Theory]
    [MemberData(nameof(WeakenedTemplates.CaseNames), MemberType = typeof(WeakenedTemplates))]
    public async Task The_linter_reports_a_weakened_template(string caseName)
    {
        var (file, diagnostic) = WeakenedTemplates.Expectation(caseName);

        var lint = await WeakenedTemplates.LintAllAsync();

        Assert.Contains(BicepCli.Diagnostics(lint), line => line.StartsWith(file, StringComparison.Ordinal) && line.Contains(diagnostic, StringComparison.Ordinal));
    }
}
