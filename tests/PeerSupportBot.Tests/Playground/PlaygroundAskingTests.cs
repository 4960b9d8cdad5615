using PeerSupportBot.Asking;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Playground;

/// <summary>
/// Asking through the Agents Playground. The colleague who is suggested, asked and who accepts is
/// played by the project's Teams-shaped harness on the same tables; the asker is the playground's
/// user, who sees the suggestions and, at the end, the introduction pushed by the other instance.
/// </summary>
public sealed class PlaygroundAskingTests(PlaygroundFixture fixture) : IClassFixture<PlaygroundFixture>
{
    private const string Problem = "Miten käyn vaikean keskustelun tiimiläisen kanssa, joka riitelee jatkuvasti kollegansa kanssa?";

    [Fact]
    public async Task Asking_shows_the_suggested_colleague_and_their_accepting_introduces_the_two()
    {
        var playground = fixture.Playground;
        var colleagues = await fixture.ColleaguesAsync();
        var (_, code) = await playground.CreateCohortAsync("uusi ryhmä Kysyjät");
        await playground.JoinAsync("liity " + code, "wellbeing", "fi");
        var helper = colleagues.Person("Helmi Auttaja");
        await colleagues.JoinAsync(helper, code, "difficult-conversations", "fi");

        await playground.SendAsync(Problem);
        var ask = await playground.NextCardWithVerbAsync(AskVerbs.SendAll);

        Assert.True(ask.Card!.ShowsText(BotText.Get<AskText>("AskTitle", "fi")), ask.Describe());
        Assert.True(ask.Card.ShowsText("Vaikeat keskustelut ja ristiriidat"), ask.Describe());
        Assert.True(ask.Card.Json.GetRawText().Contains("Helmi Auttaja", StringComparison.Ordinal), ask.Card.Json.GetRawText());
        var waiting = await playground.PressVerbAsync(ask, AskVerbs.SendAll, new Dictionary<string, string> { ["share"] = ShareChoices.TopicsOnly });
        Assert.True(waiting.Card!.ShowsText(BotText.Get<AskText>("WaitingTitle", "fi")), waiting.Describe());

        // The request goes out through the shared outbox after the turn.
        await colleagues.App.OutboxDrainedAsync(TimeSpan.FromSeconds(30));
        var request = colleagues.LastCardTo(helper);
        Assert.True(OnCard.Shows(request, "Vaikeat keskustelut ja ristiriidat"));
        Assert.False(OnCard.Shows(request, "riitelee"), "Only the topics were to be shared.");
        await colleagues.PressAsync(helper, request, HelpRequestVerbs.Accept);

        var introduction = await playground.NextCardShowingAsync(BotText.Get<HelpRequestText>("AskerIntroTitle", "fi", helper.Name));
        Assert.NotNull(introduction.Card);
    }

    [Fact]
    public async Task Asking_in_English_with_no_colleague_on_the_topic_says_so_in_English()
    {
        var playground = fixture.Playground;
        var (_, code) = await playground.CreateCohortAsync("new cohort Lonely askers");
        await playground.JoinAsync("join " + code, "wellbeing", "en");

        await playground.SendAsync("ask");
        var ask = await playground.NextCardShowingAsync(BotText.Get<AskText>("AskTitle", "en"));

        Assert.Equal(BotText.Get<AskText>("AskTitle", "en"), ask.Card!.Texts[0]);
    }
}
