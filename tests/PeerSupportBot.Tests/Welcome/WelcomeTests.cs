using System.Net;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Welcome;

public sealed class WelcomeTests : IAsyncLifetime
{
    private const string FinnishTitle = "Vertaistukea esihenkilöltä esihenkilölle";
    private const string EnglishTitle = "Peer support from supervisor to supervisor";

    private readonly BotApplication _app = new();
    private FakeConnectorServer _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnectorServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData("fi-FI", FinnishTitle)]
    [InlineData("en-US", EnglishTitle)]
    public async Task Installing_the_app_in_a_personal_chat_greets_in_the_activity_locale(string locale, string title)
    {
        var install = TeamsActivities.InstallationUpdate(_connector.ServiceUrl, locale: locale);

        var response = await _app.PostActivityAsync(install);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var greeting = Assert.Single(_connector.SentActivities);
        Assert.Equal(install.Conversation!.Id, greeting.Conversation?.Id);
        var card = greeting.SingleCard();
        AdaptiveCardSchema.AssertValid(card);
        Assert.Equal(title, CardText.Of(card)[0]);
    }

    [Theory]
    [InlineData("fi-FI", FinnishTitle, ConversationTypes.GroupChat)]
    [InlineData("en-US", EnglishTitle, ConversationTypes.Channel)]
    public async Task Adding_the_bot_to_a_group_chat_or_team_greets_there_in_the_activity_locale(string locale, string title, string conversationType)
    {
        var added = TeamsActivities.BotAdded(_connector.ServiceUrl, locale, conversationType);

        var response = await _app.PostActivityAsync(added);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var greeting = Assert.Single(_connector.SentActivities);
        Assert.Equal(added.Conversation!.Id, greeting.Conversation?.Id);
        var card = greeting.SingleCard();
        AdaptiveCardSchema.AssertValid(card);
        var texts = CardText.Of(card);
        Assert.Equal(title, texts[0]);
    }

    [Fact]
    public async Task The_greeting_says_what_is_stored_and_what_never_is()
    {
        await _app.PostActivityAsync(TeamsActivities.InstallationUpdate(_connector.ServiceUrl, locale: "en-US"));

        var texts = CardText.Of(Assert.Single(_connector.SentActivities).SingleCard());
        Assert.Contains("What I store", texts);
        Assert.Contains("What I never store", texts);
        Assert.Contains(texts, text => text.Contains("never stored or logged", StringComparison.Ordinal));
        Assert.Contains("help", texts);
    }

    [Fact]
    public async Task Teams_sending_both_install_events_for_one_chat_greets_once()
    {
        var install = TeamsActivities.InstallationUpdate(_connector.ServiceUrl);
        var added = TeamsActivities.BotAdded(_connector.ServiceUrl, conversationType: ConversationTypes.Personal);
        added.Conversation = install.Conversation;

        await _app.PostActivityAsync(install);
        await _app.PostActivityAsync(added);

        Assert.Single(_connector.SentActivities);
    }

    [Fact]
    public async Task Reinstalling_after_removal_greets_again()
    {
        var install = TeamsActivities.InstallationUpdate(_connector.ServiceUrl);
        var remove = TeamsActivities.InstallationUpdate(_connector.ServiceUrl, InstallationActions.Remove);
        remove.Conversation = install.Conversation;

        await _app.PostActivityAsync(install);
        await _app.PostActivityAsync(remove);
        await _app.PostActivityAsync(install);

        Assert.Equal(2, _connector.SentActivities.Count);
    }

    [Theory]
    [InlineData("ohje", FinnishTitle)]
    [InlineData("help", EnglishTitle)]
    [InlineData("  HELP  ", EnglishTitle)]
    [InlineData("Ohje", FinnishTitle)]
    public async Task Help_shows_the_card_in_the_language_of_the_word_used(string text, string title)
    {
        // The Agents Playground always sends en-US, and Teams clients may send either.
        var message = TeamsActivities.Message(_connector.ServiceUrl, text, locale: "en-US");

        var response = await _app.PostActivityAsync(message);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = Assert.Single(_connector.SentActivities).SingleCard();
        AdaptiveCardSchema.AssertValid(card);
        Assert.Equal(title, CardText.Of(card)[0]);
    }

    [Fact]
    public async Task Help_works_when_the_bot_is_mentioned_in_a_group_chat()
    {
        var message = TeamsActivities.Message(_connector.ServiceUrl, "<at>PeerSupportBot</at> ohje", conversationType: ConversationTypes.GroupChat);
        message.Entities =
        [
            new Entity
            {
                Type = "mention",
                Properties = new Dictionary<string, System.Text.Json.JsonElement>
                {
                    ["text"] = System.Text.Json.JsonSerializer.SerializeToElement("<at>PeerSupportBot</at>"),
                    ["mentioned"] = System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["id"] = TeamsActivities.BotId, ["name"] = "PeerSupportBot" }),
                },
            },
        ];

        await _app.PostActivityAsync(message);

        var card = Assert.Single(_connector.SentActivities).SingleCard();
        Assert.Equal(FinnishTitle, CardText.Of(card)[0]);
    }

    [Theory]
    [InlineData("fi-FI", "fi")]
    [InlineData("en-US", "en")]
    public async Task A_question_from_someone_in_no_cohort_explains_how_to_join_one(string locale, string language)
    {
        await _app.PostActivityAsync(TeamsActivities.Message(_connector.ServiceUrl, language == "fi" ? "Onko joku kohdannut tämän?" : "Has anyone faced this?", locale));

        var card = Assert.Single(_connector.SentActivities).SingleCard();
        AdaptiveCardSchema.AssertValid(card);
        Assert.True(PeerSupportBot.Tests.Infrastructure.OnCard.Shows(card, BotText.Get<PeerSupportBot.Asking.AskText>("NoCohortsTitle", language)));
    }
}
