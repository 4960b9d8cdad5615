namespace PeerSupportBot.Tests.Playground;

/// <summary>
/// End to end through the Microsoft 365 Agents Playground: what a person typing in Teams would see.
/// </summary>
public sealed class PlaygroundTests(PlaygroundFixture fixture) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task Typing_ohje_shows_the_welcome_card_in_Finnish()
    {
        await fixture.Playground.SendAsync("ohje");

        var reply = await fixture.Playground.NextCardAsync();

        Assert.Contains(reply.Card!.Texts, text => text.Contains("Vertaistukea esihenkilöltä esihenkilölle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Typing_help_shows_the_welcome_card_in_English()
    {
        await fixture.Playground.SendAsync("help");

        var reply = await fixture.Playground.NextCardAsync();

        Assert.Contains(reply.Card!.Texts, text => text.Contains("Peer support from supervisor to supervisor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Opening_the_app_greets_once_in_the_playground_locale()
    {
        await fixture.Playground.InstallAsync();

        var greeting = await fixture.Playground.NextCardAsync();

        // The playground sends en-US; the word "ohje" then switches to Finnish.
        Assert.Contains(greeting.Card!.Texts, text => text.Contains("Peer support from supervisor to supervisor", StringComparison.Ordinal));
        await fixture.Playground.SendAsync("ohje");
        var next = await fixture.Playground.NextCardAsync();
        Assert.Contains(next.Card!.Texts, text => text.Contains("Vertaistukea esihenkilöltä esihenkilölle", StringComparison.Ordinal));
    }
}
