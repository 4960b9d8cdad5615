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
}
