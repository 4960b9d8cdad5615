using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Localization;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;
using static PeerSupportBot.Tests.Cards.SampleData;

namespace PeerSupportBot.Tests.Cards;

public sealed class HelpRequestCardsTests
{
    private const string Problem = "Muutosneuvottelut alkavat ensi viikolla, enkä tiedä, miten kerron tiimille.";

    // 12.10 UTC: an hour later is 13.10, so the call is suggested at 13.30 UTC (15.30 in Finland).
    private static readonly DateTimeOffset Clock = new(2026, 11, 23, 12, 10, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, Func<HelpRequestCards, AdaptiveCard>> AllCards = new()
    {
        ["Request"] = cards => cards.Request(Request(), AskerName, Problem),
        ["RequestTopicsOnly"] = cards => cards.Request(Request(Urgency.ThisWeek), AskerName, null),
        ["IntroductionForHelper"] = cards => cards.IntroductionForHelper(Introduction()),
        ["IntroductionForHelperWithoutUpn"] = cards => cards.IntroductionForHelper(Introduction(askerUpn: null)),
        ["IntroductionForAsker"] = cards => cards.IntroductionForAsker(Introduction()),
        ["IntroductionForAskerWithoutUpn"] = cards => cards.IntroductionForAsker(Introduction(helperUpn: null)),
        ["AlreadyHelped"] = cards => cards.AlreadyHelped(),
        ["DeclineAcknowledged"] = _ => DeclineAction.Acknowledged(Localizers.Strict<HelpRequestText>()),
        ["NoLongerNeeded"] = cards => cards.NoLongerNeeded(),
        ["RequestExpired"] = cards => cards.RequestExpired(),
        ["OtherSideLeft"] = cards => cards.OtherSideLeft(),
        ["DidItHelp"] = cards => cards.DidItHelp("req-42", "Anna Esimerkki"),
        ["FeedbackThanks"] = _ => FeedbackAction.Thanks(Localizers.Strict<HelpRequestText>()),
    };

    public static TheoryData<string> CardNames => [.. AllCards.Keys];

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Every_help_request_card_is_valid_in_both_languages_and_its_heading_switches_language(string name)
    {
        var finnish = Build("fi", AllCards[name]);
        var english = Build("en", AllCards[name]);

        CardJson.AssertSameCardInBothLanguages(finnish, english);
        Assert.Empty(CardJson.InputIds(finnish));
    }

    [Theory]
    [InlineData("fi", "Dora Kysyjä kaipaisi näkemystäsi", "Muutosneuvottelut ja irtisanomiset, Vaikeat keskustelut ja ristiriidat", "Tänään", "Autan mielelläni", "En ehdi nyt")]
    [InlineData("en", "Dora Kysyjä would value your view", "Change negotiations and lay-offs, Difficult conversations and conflicts", "Today", "Happy to help", "Can't right now")]
    public void The_request_names_the_asker_topics_and_urgency_in_the_helpers_language_and_answers_with_its_id(
        string language, string heading, string topics, string urgency, string accept, string decline)
    {
        var card = Build(language, cards => cards.Request(Request(), AskerName, Problem));

        Assert.Equal(heading, CardJson.Heading(card));
        var texts = CardText.Of(card);
        Assert.Contains(topics, texts);
        Assert.Contains(urgency, texts);
        Assert.Equal([HelpRequestVerbs.Accept, HelpRequestVerbs.Decline], CardJson.Verbs(card));
        var acceptAction = CardJson.Action(card, HelpRequestVerbs.Accept);
        var declineAction = CardJson.Action(card, HelpRequestVerbs.Decline);
        Assert.Equal(accept, acceptAction.GetProperty("title").GetString());
        Assert.Equal("positive", acceptAction.GetProperty("style").GetString());
        Assert.Equal(decline, declineAction.GetProperty("title").GetString());
        Assert.False(declineAction.TryGetProperty("style", out _));
        Assert.All([acceptAction, declineAction], action => Assert.Equal("req-42", CardJson.Data(action, "requestId")));
    }

    [Fact]
    public void A_shared_text_is_shown_set_apart_and_the_card_asks_to_keep_it_between_the_two()
    {
        var card = Build("fi", cards => cards.Request(Request(), AskerName, Problem));

        var quote = card.GetProperty("body").EnumerateArray().Single(element => element.GetProperty("type").GetString() == "Container");
        Assert.Equal("emphasis", quote.GetProperty("style").GetString());
        Assert.Contains(Problem, CardText.Of(quote));
        var texts = CardText.Of(card);
        Assert.Contains(texts, text => text.StartsWith("Pidäthän tämän teidän kahden välisenä", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.Contains("kysyjälle ei kerrota, kuka ei ehtinyt", StringComparison.Ordinal));
        Assert.Contains("Pyyntö on avoinna 24.11.2026 klo 14.00 asti.", texts);
    }

    [Fact]
    public void When_only_the_topics_were_shared_the_request_says_so_and_shows_no_text()
    {
        var card = Build("en", cards => cards.Request(Request(Urgency.ThisWeek), AskerName, null));

        var texts = CardText.Of(card);
        Assert.Contains("Only the topics were shared. You'll hear more if you talk.", texts);
        Assert.Contains("This week", texts);
        Assert.DoesNotContain(card.GetProperty("body").EnumerateArray(), element => element.GetProperty("type").GetString() == "Container");
    }

    [Theory]
    [InlineData("fi", "Kiitos, että autat!", "Avaa keskustelu: Dora Kysyjä", "Hei Dora Kysyjä! Näin kysymyksesi vertaistuessa", "Vertaistuki: lyhyt keskustelu")]
    [InlineData("en", "Thank you for helping!", "Open a chat with Dora Kysyjä", "Hi Dora Kysyjä! I saw your question in peer support", "Peer support: a short call")]
    public void The_helper_gets_a_chat_with_the_asker_with_a_drafted_message_and_a_30_minute_call(
        string language, string heading, string chatTitle, string draftStart, string subject)
    {
        var card = Build(language, cards => cards.IntroductionForHelper(Introduction()));

        Assert.Equal(heading, CardJson.Heading(card));
        var (chat, call) = Links(card);
        Assert.Equal(chatTitle, chat.Title);
        Assert.Equal("https://teams.microsoft.com/l/chat/0/0", chat.Url.GetLeftPart(UriPartial.Path));
        Assert.Contains("users=" + Uri.EscapeDataString("dora.o'neill+peer@example.fi"), chat.Url.OriginalString, StringComparison.Ordinal);
        Assert.Equal("dora.o'neill+peer@example.fi", Query(chat.Url)["users"]);
        Assert.StartsWith(draftStart, Query(chat.Url)["message"], StringComparison.Ordinal);
        Assert.Equal("https://teams.microsoft.com/l/meeting/new", call.Url.GetLeftPart(UriPartial.Path));
        var meeting = Query(call.Url);
        Assert.Equal("dora.o'neill+peer@example.fi", meeting["attendees"]);
        Assert.Equal(subject, meeting["subject"]);
        Assert.Equal("2026-11-23T13:30:00Z", meeting["startTime"]);
        Assert.Equal("2026-11-23T14:00:00Z", meeting["endTime"]);
    }

    [Theory]
    [InlineData("fi", "Anna Esimerkki auttaa mielellään", "Avaa keskustelu: Anna Esimerkki", "Hei Anna Esimerkki! Kiitos, että lupauduit auttamaan.")]
    [InlineData("en", "Anna Esimerkki is happy to help", "Open a chat with Anna Esimerkki", "Hi Anna Esimerkki! Thank you for offering to help.")]
    public void The_asker_learns_who_helps_and_gets_a_chat_with_them_and_a_call(string language, string heading, string chatTitle, string draftStart)
    {
        var card = Build(language, cards => cards.IntroductionForAsker(Introduction()));

        Assert.Equal(heading, CardJson.Heading(card));
        var texts = CardText.Of(card);
        Assert.Contains("Dora Kysyjä", texts);
        Assert.Contains("Anna Esimerkki", texts);
        var (chat, call) = Links(card);
        Assert.Equal(chatTitle, chat.Title);
        Assert.Equal("anna@example.fi", Query(chat.Url)["users"]);
        Assert.StartsWith(draftStart, Query(chat.Url)["message"], StringComparison.Ordinal);
        Assert.Equal("anna@example.fi", Query(call.Url)["attendees"]);
    }

    [Theory]
    [InlineData("fi", "Hae Dora Kysyjä Teamsin hausta ja lähetä viesti.")]
    [InlineData("en", "Search for Dora Kysyjä in Teams to send a message.")]
    public void Without_a_upn_the_introduction_names_the_other_and_says_to_find_them_in_teams(string language, string hint)
    {
        var card = Build(language, cards => cards.IntroductionForHelper(Introduction(askerUpn: null)));

        Assert.Empty(CardJson.Actions(card));
        Assert.Contains(hint, CardText.Of(card));
    }

    [Theory]
    [InlineData(12, 0, "2026-11-23T13:00:00Z")]
    [InlineData(12, 1, "2026-11-23T13:30:00Z")]
    [InlineData(12, 30, "2026-11-23T13:30:00Z")]
    [InlineData(23, 45, "2026-11-24T01:00:00Z")]
    public void The_call_is_suggested_at_the_next_full_half_hour_at_least_an_hour_ahead(int hour, int minute, string expected)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, hour, minute, 0, TimeSpan.Zero));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Localizers.HelpRequestCards(time).SuggestedCallStart());
    }

    [Fact]
    public void No_closing_notice_names_anyone()
    {
        var notices = new[] { "AlreadyHelped", "DeclineAcknowledged", "NoLongerNeeded", "RequestExpired", "OtherSideLeft" };

        Assert.All(notices.SelectMany(name => new[] { Build("fi", AllCards[name]), Build("en", AllCards[name]) }), card =>
        {
            var json = card.GetRawText();
            Assert.DoesNotContain("Dora", json, StringComparison.Ordinal);
            Assert.DoesNotContain("Anna", json, StringComparison.Ordinal);
            Assert.Empty(CardJson.Actions(card));
        });
    }

    [Theory]
    [InlineData("fi", "Kyllä", "Jonkin verran", "Ei", "määrät ryhmittäin")]
    [InlineData("en", "Yes", "Somewhat", "No", "number of answers per cohort")]
    public void Did_it_help_is_one_tap_with_the_answer_and_request_and_says_only_counts_are_kept(string language, string yes, string somewhat, string no, string counts)
    {
        var card = Build(language, cards => cards.DidItHelp("req-42", "Anna Esimerkki"));

        var actions = CardJson.Actions(card);
        Assert.Equal([yes, somewhat, no], actions.Select(action => action.GetProperty("title").GetString()));
        Assert.All(actions, action =>
        {
            Assert.Equal(HelpRequestVerbs.Feedback, action.GetProperty("verb").GetString());
            Assert.Equal("req-42", CardJson.Data(action, "requestId"));
        });
        Assert.Equal([FeedbackAnswers.Yes, FeedbackAnswers.Somewhat, FeedbackAnswers.No], actions.Select(action => CardJson.Data(action, "answer")));
        var texts = CardText.Of(card);
        Assert.Contains(texts, text => text.Contains("Anna Esimerkki", StringComparison.Ordinal));
        Assert.Contains(texts, text => text.Contains(counts, StringComparison.Ordinal));
    }

    private static (OpenUrl Chat, OpenUrl Call) Links(JsonElement card)
    {
        var links = CardJson.Actions(card)
            .Where(action => action.GetProperty("type").GetString() == "Action.OpenUrl")
            .Select(action => new OpenUrl(action.GetProperty("title").GetString()!, new Uri(action.GetProperty("url").GetString()!)))
            .ToList();
        Assert.Equal(2, links.Count);
        return (links[0], links[1]);
    }

    private static Dictionary<string, string> Query(Uri url) =>
        url.Query.TrimStart('?').Split('&')
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]));

    private static JsonElement Build(string language, Func<HelpRequestCards, AdaptiveCard> build)
    {
        using var _ = BotLanguage.Use(Localizers.Language(language));
        return build(Localizers.HelpRequestCards(new FakeTimeProvider(Clock))).ToJsonElement();
    }

    private sealed record OpenUrl(string Title, Uri Url);
}
