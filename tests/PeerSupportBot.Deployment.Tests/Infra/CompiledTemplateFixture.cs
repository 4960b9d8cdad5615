using System.Text.Json.Nodes;
using PeerSupportBot.Deployment.Tests.Support;

namespace PeerSupportBot.Deployment.Tests.Infra;

/// <summary>infra/main.bicep compiled to ARM JSON, once per test run for every class that reads it.</summary>
public sealed class CompiledTemplateFixture : IAsyncLifetime
{
    // A compile takes a second or two; the classes using it share one.
    private static readonly Lazy<Task<ProcessResult>> SharedBuild =
        new(() => BicepCli.RunAsync("build", Repository.PathOf("infra", "main.bicep"), "--stdout"));

    internal ProcessResult Build { get; private set; } = null!;

    internal ArmTemplate Template { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Build = await SharedBuild.Value;
        // Each class gets its own parsed copy, so no test can change another's template.
        Template = Build.ExitCode == 0 && JsonNode.Parse(Build.StandardOutput) is JsonObject root
            ? new ArmTemplate(root)
            : throw new InvalidOperationException($"bicep build failed: {Build}");
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
