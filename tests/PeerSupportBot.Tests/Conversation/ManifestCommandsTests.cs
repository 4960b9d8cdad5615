using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PeerSupportBot.Conversation;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Conversation;

/// <summary>Every command the Teams app package offers is one the bot understands, in that scope and language.</summary>
public sealed class ManifestCommandsTests
{
    [Theory]
    [InlineData("manifest.json")]
    [InlineData("en.json")]
    public async Task Every_command_in_the_app_package_is_a_command_the_bot_knows(string file)
    {
        await using var app = new BotApplication();
        var catalog = app.Services.GetRequiredService<CommandCatalog>();
        var root = RepositoryRoot.Find();
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "manifest", "manifest.json")));
        using var localized = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "manifest", file)));
        var lists = manifest.RootElement.GetProperty("bots")[0].GetProperty("commandLists");

        for (var list = 0; list < lists.GetArrayLength(); list++)
        {
            var scopes = lists[list].GetProperty("scopes").EnumerateArray().Select(scope => scope.GetString()).ToList();
            for (var command = 0; command < lists[list].GetProperty("commands").GetArrayLength(); command++)
            {
                var title = file == "manifest.json"
                    ? lists[list].GetProperty("commands")[command].GetProperty("title").GetString()!
                    : localized.RootElement.GetProperty($"bots[0].commandLists[{list}].commands[{command}].title").GetString()!;

                var parsed = catalog.Parse(title);

                Assert.True(parsed is not null && parsed.Arguments.Length == 0, $"'{title}' is not a command");
                var needed = scopes.Contains("personal") ? CommandScopes.Personal : CommandScopes.Group;
                Assert.True(parsed!.Descriptor.Scopes.HasFlag(needed), $"'{title}' is offered in {string.Join(',', scopes)} but the bot refuses it there");
            }
        }
    }
}
