using PeerSupportBot.Consent;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Playground;

/// <summary>Forget me through the Agents Playground, on a playground and tables of its own (it deletes the user).</summary>
public sealed class PlaygroundForgetMeTests(PlaygroundFixture fixture) : IClassFixture<PlaygroundFixture>
{
    [Fact]
    public async Task Forget_me_asks_first_then_deletes_everything_my_data_showed()
    {
        var playground = fixture.Playground;
        var (_, code) = await playground.CreateCohortAsync("uusi ryhmä Unohdettavat");
        await playground.JoinAsync("liity " + code, "wellbeing", "fi");

        await playground.SendAsync("unohda minut");
        var confirm = await playground.NextCardWithVerbAsync(ConsentVerbs.Forget);
        Assert.True(confirm.Card!.ShowsText(BotText.Get<ConsentText>("CannotBeUndone", "fi")), confirm.Describe());
        var forgotten = await playground.PressVerbAsync(confirm, ConsentVerbs.Forget);

        Assert.True(forgotten.Card!.ShowsText(BotText.Get<ConsentText>("ForgottenTitle", "fi")), forgotten.Describe());
        await playground.SendAsync("omat tietoni");
        var myData = await playground.NextCardShowingAsync(BotText.Get<ConsentText>("MyDataTitle", "fi"));
        Assert.True(myData.Card!.ShowsText(BotText.Get<ConsentText>("NothingStored", "fi", playground.Config.CurrentUser.Name)), myData.Describe());
        Assert.False(myData.Card.ShowsText("Unohdettavat"));
    }
}
