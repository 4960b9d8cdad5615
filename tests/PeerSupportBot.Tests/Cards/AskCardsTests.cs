using System.Globalization;
using System.Text.Json;
using PeerSupportBot.Asking;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Localization;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;
using PeerSupportBot.Topics;
using static PeerSupportBot.Tests.Cards.SampleData;

namespace PeerSupportBot.Tests.Cards;

public sealed class AskCardsTests
{
    private const string Problem = "Tiimissäni on kaksi ihmistä, jotka eivät enää puhu toisilleen.";

    private static readonly Dictionary<string, Func<AskCards, AdaptiveCard>> AllCards = new()
    {
        ["AskForm"] = cards => cards.AskForm(["difficult-conversations"], Problem, Candidates(), error: "!"),
        ["AskFormOneSuggestion"] = cards => cards.AskForm(["remote-leadership"], null, [Candidates()[1]]),
        ["AskFormNoSuggestions"] = cards => cards.AskForm(["customer-work"], Problem, []),
        ["AskFormToChooseTopics"] = cards => cards.AskFormToChooseTopics(["wellbeing", "sick-leave"], Problem, error: "!"),
        ["AskFormNoTopicRecognised"] = cards => cards.AskFormToChooseTopics([], Problem),
        ["NoCohorts"] = cards => cards.NoCohorts(),
        ["Waiting"] = cards => cards.Waiting(Request(), ["Anna Esimerkki", "Ben Example"]),
        ["Discarded"] = cards => cards.Discarded(),
        ["Cancelled"] = cards => cards.Cancelled(),
        ["NextCandidates"] = cards => cards.NextCandidates(["difficult-conversations"], Candidates(), NextReason.AllDeclined),
        ["NextCandidatesExpired"] = cards => cards.NextCandidates(["difficult-conversations"], Candidates(), NextReason.Expired),
        ["NextCandidatesUnreachable"] = cards => cards.NextCandidates(["difficult-conversations"], Candidates(), NextReason.SomeUnreachable),
        ["NextCandidatesNone"] = cards => cards.NextCandidates(["difficult-conversations"], [], NextReason.Expired),
    };

    public static TheoryData<string> CardNames => [.. AllCards.Keys];

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Every_ask_card_is_valid_in_both_languages_and_its_heading_switches_language(string name)
    {
        var finnish = Build("fi", AllCards[name]);
        var english = Build("en", AllCards[name]);

        CardJson.AssertSameCardInBothLanguages(finnish, english);
    }

    [Theory]
    [InlineData("fi", "Onko joku kohdannut tämän?", "Muutosneuvottelut ja irtisanomiset")]
    [InlineData("en", "Has anyone faced this?", "Change negotiations and lay-offs")]
    public void The_ask_form_offers_every_topic_in_the_ui_language_with_the_detected_ones_chosen(string language, string heading, string thirdTopic)
    {
        var card = Build(language, cards => cards.AskForm(["wellbeing", "change-negotiations", "no-such-topic"], Problem, Candidates()));

        Assert.Equal(heading, CardJson.Heading(card));
        Assert.Equal(["topics", "problem", "share", "urgency", "helpers"], CardJson.InputIds(card));
        var topics = CardJson.Input(card, "topics");
        Assert.True(topics.GetProperty("isMultiSelect").GetBoolean());
        Assert.Equal(TopicCatalog.All.Select(topic => topic.Id), CardJson.ChoiceValues(topics));
        Assert.Equal(thirdTopic, CardJson.ChoiceTitles(topics)[2]);
        // In catalog order, and an unknown id is dropped rather than sent back.
        Assert.Equal("change-negotiations,wellbeing", CardJson.Value(topics));
    }

    [Theory]
    [InlineData("fi", "Valitse aiheet", "En ollut varma", "Todennäköisimmät: Työhyvinvointi ja jaksaminen, Sairauspoissaolot ja varhainen tuki", "Päivitä ehdotukset")]
    [InlineData("en", "Choose the topics", "I wasn't sure", "Most likely: Wellbeing at work and coping, Sick leave and early support", "Update suggestions")]
    public void Unsure_asks_preselect_nothing_and_list_likely_topics_first(string language, string label, string unsure, string likely, string refresh)
    {
        var card = Build(language, cards => cards.AskFormToChooseTopics(["wellbeing", "sick-leave", "no-such-topic"], Problem));

        var topics = CardJson.Input(card, "topics");
        Assert.Null(CardJson.Value(topics));
        Assert.Equal(label, topics.GetProperty("label").GetString());
        Assert.Equal(["wellbeing", "sick-leave", .. TopicCatalog.All.Select(topic => topic.Id).Except(["wellbeing", "sick-leave"])], CardJson.ChoiceValues(topics));
        var texts = CardText.Of(card);
        Assert.Contains(texts, text => text.StartsWith(unsure, StringComparison.Ordinal));
        Assert.Contains(likely, texts);
        Assert.Contains(texts, text => text.Contains(refresh, StringComparison.Ordinal));
        Assert.DoesNotContain("helpers", CardJson.InputIds(card));
        Assert.Equal([AskVerbs.Refresh, AskVerbs.Discard], CardJson.Verbs(card));
    }

    [Fact]
    public void When_no_topic_is_recognised_the_form_asks_to_choose_and_names_no_likely_topics()
    {
        var texts = CardText.Of(Build("fi", cards => cards.AskFormToChooseTopics([], Problem)));

        Assert.Contains("En tunnistanut kysymyksestäsi aihetta. Valitse listasta yksi tai useampi aihe.", texts);
        Assert.DoesNotContain(texts, text => text.StartsWith("Todennäköisimmät", StringComparison.Ordinal));
    }

    [Fact]
    public void The_ask_form_shows_the_text_editable_up_to_2000_characters_and_shares_it_as_written_this_week_by_default()
    {
        var card = Build("en", cards => cards.AskForm(["difficult-conversations"], Problem, Candidates()));

        var problem = CardJson.Input(card, "problem");
        Assert.Equal(Problem, CardJson.Value(problem));
        Assert.True(problem.GetProperty("isMultiline").GetBoolean());
        Assert.Equal(2000, problem.GetProperty("maxLength").GetInt32());
        Assert.Equal("What helpers will see", problem.GetProperty("label").GetString());
        var share = CardJson.Input(card, "share");
        Assert.Equal([ShareChoices.Text, ShareChoices.TopicsOnly], CardJson.ChoiceValues(share));
        Assert.Equal(ShareChoices.Text, CardJson.Value(share));
        Assert.Equal("expanded", share.GetProperty("style").GetString());
        var urgency = CardJson.Input(card, "urgency");
        Assert.Equal([UrgencyChoices.Today, UrgencyChoices.ThisWeek], CardJson.ChoiceValues(urgency));
        Assert.Equal(UrgencyChoices.ThisWeek, CardJson.Value(urgency));
        Assert.Equal(["Today", "This week"], CardJson.ChoiceTitles(urgency));
    }

    [Theory]
    [InlineData("fi", "Tekstisi näkevät vain kollegat", "”en ehdi nyt”")]
    [InlineData("en", "Only the colleagues you choose will see your text", "“not right now”")]
    public void The_ask_form_says_who_sees_the_text_and_that_declining_is_easy_before_anything_is_sent(string language, string whoSees, string declining)
    {
        var texts = CardText.Of(Build(language, cards => cards.AskForm(["wellbeing"], Problem, Candidates())));

        Assert.Contains(texts, text => text.StartsWith(whoSees, StringComparison.Ordinal));
        Assert.Contains(texts, text => text.Contains(declining, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fi", "Anna Esimerkki — Sama kurssi: Esihenkilövalmennus kevät 2027 · auttaa aiheissa: Vaikeat keskustelut ja ristiriidat, Työhyvinvointi ja jaksaminen")]
    [InlineData("en", "Anna Esimerkki — Same course: Esihenkilövalmennus kevät 2027 · offers: Difficult conversations and conflicts, Wellbeing at work and coping")]
    public void Each_suggestion_is_a_choice_by_person_key_titled_with_name_shared_cohorts_and_topics(string language, string firstTitle)
    {
        var card = Build(language, cards => cards.AskForm(["difficult-conversations"], Problem, Candidates()));

        var helpers = CardJson.Input(card, "helpers");
        Assert.True(helpers.GetProperty("isMultiSelect").GetBoolean());
        Assert.Equal("expanded", helpers.GetProperty("style").GetString());
        Assert.Equal(["person-anna", "person-ben", "person-carl"], CardJson.ChoiceValues(helpers));
        Assert.Equal(firstTitle, CardJson.ChoiceTitles(helpers)[0]);
        Assert.Contains("Esihenkilövalmennus kevät 2027, Lähijohtajat syksy 2026", CardJson.ChoiceTitles(helpers)[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_suggestion_shows_nothing_but_name_cohorts_and_topics()
    {
        var candidates = Candidates();
        var card = Build("en", cards => cards.AskForm(["difficult-conversations"], Problem, candidates));

        var titles = CardJson.ChoiceTitles(CardJson.Input(card, "helpers"));
        Assert.All(candidates.Zip(titles), pair =>
        {
            var (candidate, title) = pair;
            var topics = string.Join(", ", candidate.MatchingTopics.Select(id => TopicCatalog.Find(id)!.English));
            Assert.Equal($"{candidate.Name} — Same course: {string.Join(", ", candidate.SharedCohortNames)} · offers: {topics}", title);
        });
        var json = card.GetRawText();
        Assert.All(candidates, candidate =>
        {
            Assert.DoesNotContain(candidate.Score.ToString(CultureInfo.InvariantCulture), json, StringComparison.Ordinal);
            Assert.DoesNotContain(candidate.Score.ToString(BotLanguage.Finnish), json, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("fi", "Kysy valituilta", "Kysy kaikilta (3)", "Päivitä ehdotukset", "Ei sittenkään")]
    [InlineData("en", "Ask the selected", "Ask all 3", "Update suggestions", "Never mind")]
    public void Asking_the_selected_or_all_carries_the_suggested_keys_and_never_mind_sends_no_inputs(string language, string send, string sendAll, string refresh, string discard)
    {
        var card = Build(language, cards => cards.AskForm(["difficult-conversations"], Problem, Candidates()));

        Assert.Equal([AskVerbs.Send, AskVerbs.SendAll, AskVerbs.Refresh, AskVerbs.Discard], CardJson.Verbs(card));
        Assert.Equal(
            [send, sendAll, refresh, discard],
            CardJson.Actions(card).Select(action => action.GetProperty("title").GetString()));
        Assert.All([CardJson.Action(card, AskVerbs.Send), CardJson.Action(card, AskVerbs.SendAll)], action =>
            Assert.Equal("person-anna,person-ben,person-carl", CardJson.Data(action, "suggested")));
        Assert.Equal("positive", CardJson.Action(card, AskVerbs.Send).GetProperty("style").GetString());
        Assert.Null(CardJson.Data(CardJson.Action(card, AskVerbs.Refresh), "suggested"));
        // The text must not travel back to the bot only to be thrown away.
        Assert.Equal("None", CardJson.Action(card, AskVerbs.Discard).GetProperty("associatedInputs").GetString());
    }

    [Fact]
    public void With_a_single_suggestion_ask_all_does_not_count_to_one()
    {
        var card = Build("en", cards => cards.AskForm(["remote-leadership"], null, [Candidates()[1]]));

        Assert.Equal("Ask this colleague", CardJson.Action(card, AskVerbs.SendAll).GetProperty("title").GetString());
        Assert.Equal("person-ben", CardJson.Data(CardJson.Action(card, AskVerbs.SendAll), "suggested"));
    }

    [Theory]
    [InlineData("fi", "Ryhmissäsi ei juuri nyt ole ketään")]
    [InlineData("en", "Right now no one in your cohorts offers these topics")]
    public void Without_suggestions_the_form_explains_why_and_offers_only_updating_and_never_mind(string language, string explanation)
    {
        var card = Build(language, cards => cards.AskForm(["customer-work"], Problem, []));

        Assert.Equal(["topics", "problem", "share", "urgency"], CardJson.InputIds(card));
        Assert.Equal([AskVerbs.Refresh, AskVerbs.Discard], CardJson.Verbs(card));
        Assert.Contains(CardText.Of(card), text => text.StartsWith(explanation, StringComparison.Ordinal));
    }

    [Fact]
    public void An_error_is_shown_in_attention_colour_above_the_inputs()
    {
        var card = Build("fi", cards => cards.AskForm(["wellbeing"], Problem, Candidates(), error: "Valitse ainakin yksi aihe."));

        var body = card.GetProperty("body").EnumerateArray().ToList();
        var error = Assert.Single(body, element => element.TryGetProperty("color", out _));
        Assert.Equal("attention", error.GetProperty("color").GetString());
        Assert.Equal("Valitse ainakin yksi aihe.", error.GetProperty("text").GetString());
        Assert.True(body.IndexOf(error) < body.FindIndex(element => element.TryGetProperty("id", out var id) && id.GetString() == "topics"));
    }

    [Theory]
    [InlineData("fi", "liity")]
    [InlineData("en", "join")]
    public void Without_a_cohort_the_asker_is_told_how_to_join_one(string language, string join)
    {
        var card = Build(language, cards => cards.NoCohorts());

        Assert.Contains(CardText.Of(card), text => text.Contains($"**{join}**", StringComparison.Ordinal));
        Assert.Empty(CardJson.Actions(card));
    }

    [Theory]
    [InlineData("fi", "Pyyntösi on matkalla: Anna Esimerkki, Ben Example ja Carl Caseworker.", "Pyyntö on avoinna 24.11.2026 klo 14.00 asti.", "Peru pyyntö")]
    [InlineData("en", "Your request is on its way to Anna Esimerkki, Ben Example and Carl Caseworker.", "The request stays open until 24 Nov 2026, 14:00.", "Cancel request")]
    public void Waiting_names_those_asked_says_until_when_in_finnish_time_and_can_be_cancelled(string language, string sentTo, string openUntil, string cancel)
    {
        var card = Build(language, cards => cards.Waiting(Request(), ["Anna Esimerkki", "Ben Example", "Carl Caseworker"]));

        var texts = CardText.Of(card);
        Assert.Contains(texts, text => text.StartsWith(sentTo, StringComparison.Ordinal));
        Assert.Contains(openUntil, texts);
        var action = Assert.Single(CardJson.Actions(card));
        Assert.Equal(HelpRequestVerbs.Cancel, action.GetProperty("verb").GetString());
        Assert.Equal(cancel, action.GetProperty("title").GetString());
        Assert.Equal("req-42", CardJson.Data(action, "requestId"));
        Assert.Equal(language, CardJson.Data(action, "lang"));
    }

    [Fact]
    public void Waiting_for_one_colleague_names_just_them()
    {
        var card = Build("en", cards => cards.Waiting(Request(), ["Anna Esimerkki"]));

        Assert.Contains(CardText.Of(card), text => text.StartsWith("Your request is on its way to Anna Esimerkki. I'll tell you", StringComparison.Ordinal));
    }

    [Fact]
    public void Cancelling_tells_the_asker_the_colleagues_were_told()
    {
        var card = Build("en", cards => cards.Cancelled());

        Assert.Equal("Request cancelled", CardJson.Heading(card));
        Assert.Contains("The colleagues were told it's no longer needed.", CardText.Of(card));
    }

    [Theory]
    [InlineData(nameof(NextReason.AllDeclined), "Kukaan ei ehtinyt tarttua tähän juuri nyt")]
    [InlineData(nameof(NextReason.Expired), "Kukaan ei ehtinyt vastata päivän aikana")]
    [InlineData(nameof(NextReason.SomeUnreachable), "Kaikkia valitsemiasi ei tavoitettu")]
    public void Next_candidates_offer_the_same_form_with_an_empty_text_and_ask_to_write_it_again(string reason, string heading)
    {
        var next = Build("fi", cards => cards.NextCandidates(["difficult-conversations"], Candidates(), Enum.Parse<NextReason>(reason)));
        var first = Build("fi", cards => cards.AskForm(["difficult-conversations"], Problem, Candidates()));

        Assert.Equal(heading, CardJson.Heading(next));
        Assert.Equal(CardJson.InputIds(first), CardJson.InputIds(next));
        Assert.Equal(CardJson.Verbs(first), CardJson.Verbs(next));
        Assert.Null(CardJson.Value(CardJson.Input(next, "problem")));
        Assert.Equal("difficult-conversations", CardJson.Value(CardJson.Input(next, "topics")));
        Assert.Contains(CardText.Of(next), text => text.StartsWith("En tallentanut tekstiäsi", StringComparison.Ordinal));
    }

    private static JsonElement Build(string language, Func<AskCards, AdaptiveCard> build)
    {
        using var _ = BotLanguage.Use(Localizers.Language(language));
        return build(Localizers.AskCards()).ToJsonElement();
    }
}
