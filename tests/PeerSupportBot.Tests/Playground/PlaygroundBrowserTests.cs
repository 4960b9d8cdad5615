using System.Text.Json;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;
using PeerSupportBot.Tests.Cards;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Playground;

/// <summary>The Agents Playground's own web UI in chromium, driven with the mouse (tests/browser).</summary>
public sealed class PlaygroundBrowserTests(PlaygroundFixture fixture) : IClassFixture<PlaygroundFixture>, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("playground-browser-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task A_trainer_creates_a_cohort_and_joins_it_with_the_mouse_in_the_playground_UI()
    {
        const string cohort = "Selainkurssi";
        var expected = Path.Combine(_directory, "expected.json");
        await File.WriteAllTextAsync(expected, JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["command"] = "uusi ryhmä " + cohort,
            ["joinButton"] = BotText.Get<CohortText>("JoinButton", "fi"),
            ["topic"] = "Työhyvinvointi ja jaksaminen",
            ["agreeButton"] = BotText.Get<ConsentText>("AgreeButton", "fi"),
            ["joinedTitle"] = BotText.Get<ConsentText>("JoinedTitle", "fi", cohort),
        }));

        var (exitCode, output) = await BrowserScript.RunAsync("click-through.cjs", fixture.Playground.BaseAddress.ToString(), expected);

        Assert.True(exitCode == 0, $"{output}\n{fixture.Playground.Diagnostics()}");
    }

    [Fact]
    public async Task Every_card_the_bot_can_show_renders_in_full_in_the_playground_in_both_languages()
    {
        await CardGalleryFiles.WriteAsync(_directory);

        var (exitCode, output) = await BrowserScript.RunAsync("render-cards.cjs", "--gallery", _directory, "--playground", fixture.Playground.BaseAddress.ToString());

        Assert.True(exitCode == 0, output);
    }
}
