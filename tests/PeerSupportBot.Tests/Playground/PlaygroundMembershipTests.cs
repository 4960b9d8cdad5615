using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Playground;

/// <summary>
/// End to end through the Agents Playground: a trainer's cohort and invitation, and a member's
/// consent, topics, pause and data, as one person typing in Teams would go through them.
/// </summary>
public sealed class PlaygroundMembershipTests(PlaygroundFixture fixture) : IClassFixture<PlaygroundFixture>
{
    private PlaygroundClient Playground => fixture.Playground;

    [Theory]
    [InlineData("uusi ryhmä Kevätkurssi", "fi", "Kevätkurssi")]
    [InlineData("new cohort Spring course", "en", "Spring course")]
    public async Task A_new_cohort_answers_with_its_code_and_an_invitation_to_pass_on(string command, string language, string name)
    {
        var (invitation, code) = await Playground.CreateCohortAsync(command);

        Assert.True(invitation.Card!.ShowsText(BotText.Get<CohortText>("InvitationTitle", language, name)), invitation.Describe());
        Assert.True(invitation.Card.ShowsText(code), "The invitation says which code to type.");
        Assert.Contains(Playground.Received, message => message.Card?.ShowsText(BotText.Get<CohortText>("CreatedTitle", language, name)) == true);
    }

    [Fact]
    public async Task Joining_by_code_shows_the_consent_card_and_agreeing_joins_with_the_chosen_topics()
    {
        var (_, code) = await Playground.CreateCohortAsync("uusi ryhmä Liittyjät");
        await Playground.SendAsync("liity " + code);
        var consent = await Playground.NextCardWithVerbAsync(ConsentVerbs.Give);

        Assert.True(consent.Card!.ShowsText(BotText.Get<ConsentText>("StoredHeading", "fi")), consent.Describe());
        Assert.True(consent.Card.ShowsText(BotText.Get<ConsentText>("NeverStoredHeading", "fi")), consent.Describe());
        var joined = await Playground.PressVerbAsync(consent, ConsentVerbs.Give, new Dictionary<string, string> { ["topics"] = "wellbeing,remote-leadership", ["languages"] = "fi" });

        Assert.Equal(PlaygroundAttachment.AdaptiveCardContentType, joined.Type);
        Assert.True(joined.Card!.ShowsText("Liittyjät"), joined.Describe());
        Assert.True(joined.Card.ShowsText("Työhyvinvointi ja jaksaminen"), joined.Describe());
    }

    [Fact]
    public async Task My_topics_saves_the_topics_a_member_chooses()
    {
        var (_, code) = await Playground.CreateCohortAsync("uusi ryhmä Aiheet");
        await Playground.JoinAsync("liity " + code, "wellbeing", "fi");

        await Playground.SendAsync("aiheeni");
        var form = await Playground.NextCardWithVerbAsync(ConsentVerbs.SaveTopics);
        var saved = await Playground.PressVerbAsync(form, ConsentVerbs.SaveTopics, new Dictionary<string, string> { ["topics"] = "difficult-conversations", ["languages"] = "fi,en" });

        Assert.True(saved.Card!.ShowsText(BotText.Get<ConsentText>("SavedTitle", "fi")), saved.Describe());
        Assert.True(saved.Card.ShowsText("Vaikeat keskustelut ja ristiriidat"), saved.Describe());
    }

    [Fact]
    public async Task Pausing_for_two_weeks_says_until_when()
    {
        var (_, code) = await Playground.CreateCohortAsync("uusi ryhmä Tauko");
        await Playground.JoinAsync("liity " + code, "wellbeing", "fi");

        await Playground.SendAsync("tauko");
        var form = await Playground.NextCardWithVerbAsync(ConsentVerbs.SaveAvailability);
        var saved = await Playground.PressVerbAsync(form, ConsentVerbs.SaveAvailability, new Dictionary<string, string> { ["pause"] = PauseChoices.TwoWeeks });

        Assert.True(saved.Card!.ShowsText(BotText.Get<ConsentText>("SavedTitle", "fi")), saved.Describe());
        // "Olet tauolla {0} asti.": the sentence with a date in it (the date's format is the cards' tests' concern).
        var sentence = BotText.Get<ConsentText>("PausedUntil", "fi", "\u0000").Split('\u0000');
        Assert.Contains(saved.Card.Texts, text => text.StartsWith(sentence[0], StringComparison.Ordinal) && text.EndsWith(sentence[1], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("omat tietoni", "fi")]
    [InlineData("my data", "en")]
    public async Task My_data_lists_the_cohort_the_topics_and_the_consent_given(string command, string language)
    {
        var (_, code) = await Playground.CreateCohortAsync("uusi ryhmä Tietoni " + language);
        await Playground.JoinAsync("liity " + code, "wellbeing", "fi");

        await Playground.SendAsync(command);
        var myData = await Playground.NextCardShowingAsync(BotText.Get<ConsentText>("MyDataTitle", language));

        Assert.True(myData.Card!.ShowsText("Tietoni " + language), myData.Describe());
        Assert.True(myData.Card.ShowsText(BotText.Get<ConsentText>("ConsentLogHeading", language)), myData.Describe());
        Assert.True(myData.Card.ShowsText(Playground.Config.CurrentUser.Name), myData.Describe());
    }
}
