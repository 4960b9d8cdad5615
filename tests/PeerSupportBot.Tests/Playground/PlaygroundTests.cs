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
        var before = fixture.Playground.Received.Count;

        // A page load: an installationUpdate and a conversationUpdate adding the bot. InstallAsync
        // returns once the bot has answered both, and the socket keeps the playground's order, so
        // the reply to "ohje" that follows comes after every greeting they caused.
        await fixture.Playground.InstallAsync();
        await fixture.Playground.SendAsync("ohje");
        var next = await fixture.Playground.NextMessageAsync(message => IsWelcomeIn(message, "Vertaistukea esihenkilöltä esihenkilölle"));

        var greetings = fixture.Playground.Received.Skip(before).TakeWhile(message => message != next);
        Assert.Single(greetings, message => IsWelcomeIn(message, "Peer support from supervisor to supervisor") || IsWelcomeIn(message, "Vertaistukea esihenkilöltä esihenkilölle"));
    }

    [Fact]
    public async Task A_trainer_creates_a_cohort_and_joins_it_by_code_with_consent()
    {
        await fixture.Playground.SendAsync("uusi ryhmä Pelikenttä");
        var invitation = await fixture.Playground.NextMessageAsync(message => message.Card?.Actions.Any(action => action.Verb == "cohort.join") == true);
        var code = invitation.Card!.Actions.Single(action => action.Verb == "cohort.join").Json.GetProperty("data").GetProperty("code").GetString()!;

        await fixture.Playground.SendAsync("liity " + code);
        var consent = await fixture.Playground.NextMessageAsync(message => message.Card?.Actions.Any(action => action.Verb == "consent.give") == true);
        var agree = consent.Card!.Actions.Single(action => action.Verb == "consent.give").Title!;
        var joined = await fixture.Playground.PressAsync(consent, agree, new Dictionary<string, string> { ["topics"] = "wellbeing", ["languages"] = "fi" });

        Assert.Equal("application/vnd.microsoft.card.adaptive", joined.Type);
        Assert.True(joined.Card!.ShowsText("Pelikenttä"));
        await fixture.Playground.SendAsync("omat tietoni");
        var myData = await fixture.Playground.NextMessageAsync(message => message.Card?.ShowsText("Pelikenttä") == true && message.Card.ShowsText("Työhyvinvointi ja jaksaminen"));
        Assert.NotNull(myData);
    }

    private static bool IsWelcomeIn(BotMessage message, string title) =>
        message.Card?.Texts.Any(text => text == title) == true;
}
