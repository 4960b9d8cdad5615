using System.Text.Json;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.Consent;
using PeerSupportBot.Localization;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;
using PeerSupportBot.Topics;
using static PeerSupportBot.Tests.Cards.SampleData;

namespace PeerSupportBot.Tests.Cards;

public sealed class ConsentCardsTests
{
    private static readonly Dictionary<string, Func<ConsentCards, AdaptiveCard>> AllCards = new()
    {
        ["ConsentRequest"] = cards => cards.ConsentRequest(Cohort(), Code, existing: null),
        ["ConsentRequestAgain"] = cards => cards.ConsentRequest(Cohort(), Code, Profile(), error: "!"),
        ["Joined"] = cards => cards.Joined(Cohort(), Profile()),
        ["Declined"] = cards => cards.Declined("Esihenkilövalmennus kevät 2027"),
        ["TopicsForm"] = cards => cards.TopicsForm(Profile(), error: "!"),
        ["TopicsSaved"] = cards => cards.TopicsSaved(Profile()),
        ["AvailabilityForm"] = cards => cards.AvailabilityForm(Profile(pausedUntil: Now.AddDays(7)), Now),
        ["AvailabilitySaved"] = cards => cards.AvailabilitySaved(Profile(pausedUntil: PeerSupportBot.Consent.Profile.Indefinitely), Now),
        ["MyData"] = cards => cards.MyData("Anna", Profile(pausedUntil: Now.AddDays(7)), Contact(), PersonCohorts(), ConsentLog(), Names()),
        ["MyDataEmpty"] = cards => cards.MyData("Anna", null, null, [], [], Names()),
        ["ConfirmForget"] = cards => cards.ConfirmForget(),
        ["Forgotten"] = cards => cards.Forgotten(),
        ["BeingForgotten"] = cards => cards.BeingForgotten(),
        ["DataKept"] = cards => cards.DataKept(),
        ["ConfirmWithdraw"] = cards => cards.ConfirmWithdraw(),
        ["Withdrawn"] = cards => cards.Withdrawn(),
    };

    public static TheoryData<string> CardNames => [.. AllCards.Keys];

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Every_consent_card_is_valid_in_both_languages_and_its_heading_switches_language(string name)
    {
        var finnish = Build("fi", AllCards[name]);
        var english = Build("en", AllCards[name]);

        CardJson.AssertSameCardInBothLanguages(finnish, english);
    }

    [Theory]
    [InlineData("fi", "Liittyminen ryhmän Esihenkilövalmennus kevät 2027 vertaistukeen", "Hyväksyn ja liityn", "Ei nyt")]
    [InlineData("en", "Joining the peer support of Esihenkilövalmennus kevät 2027", "I agree and join", "Not now")]
    public void The_consent_request_agrees_with_cohort_and_code_and_declines_without_the_code(string language, string heading, string agree, string notNow)
    {
        var card = Build(language, cards => cards.ConsentRequest(Cohort(), Code, existing: null));

        Assert.Equal(heading, CardJson.Heading(card));
        Assert.Equal([ConsentVerbs.Give, ConsentVerbs.Decline], CardJson.Verbs(card));
        var give = CardJson.Action(card, ConsentVerbs.Give);
        Assert.Equal(agree, give.GetProperty("title").GetString());
        Assert.Equal("c-spring", CardJson.Data(give, "cohortId"));
        Assert.Equal(Code, CardJson.Data(give, "code"));
        var decline = CardJson.Action(card, ConsentVerbs.Decline);
        Assert.Equal(notNow, decline.GetProperty("title").GetString());
        Assert.Equal("c-spring", CardJson.Data(decline, "cohortId"));
        Assert.Null(CardJson.Data(decline, "code"));
        // Not now must work although the required topics are still empty.
        Assert.Equal("None", decline.GetProperty("associatedInputs").GetString());
    }

    [Theory]
    [InlineData("fi", "suomi,englanti,ruotsi", "Muutosjohtaminen")]
    [InlineData("en", "Finnish,English,Swedish", "Change management")]
    public void The_consent_request_offers_every_topic_and_language_with_the_ui_language_chosen(string language, string languageTitles, string firstTopic)
    {
        var card = Build(language, cards => cards.ConsentRequest(Cohort(), Code, existing: null));

        Assert.Equal(["topics", "languages"], CardJson.InputIds(card));
        var topics = CardJson.Input(card, "topics");
        Assert.True(topics.GetProperty("isMultiSelect").GetBoolean());
        Assert.Equal("expanded", topics.GetProperty("style").GetString());
        Assert.Equal(TopicCatalog.All.Select(topic => topic.Id), CardJson.ChoiceValues(topics));
        Assert.Equal(15, CardJson.ChoiceValues(topics).Count);
        Assert.Equal(firstTopic, CardJson.ChoiceTitles(topics)[0]);
        Assert.Null(CardJson.Value(topics));
        var languages = CardJson.Input(card, "languages");
        Assert.True(languages.GetProperty("isMultiSelect").GetBoolean());
        Assert.Equal(["fi", "en", "sv"], CardJson.ChoiceValues(languages));
        Assert.Equal(languageTitles, string.Join(',', CardJson.ChoiceTitles(languages)));
        Assert.Equal(language, CardJson.Value(languages));
    }

    [Fact]
    public void The_consent_request_fills_in_earlier_choices_and_shows_an_error_and_the_text_version()
    {
        var card = Build("fi", cards => cards.ConsentRequest(Cohort(), Code, Profile(), error: "Valitse ainakin yksi aihe, jossa voit auttaa."));

        Assert.Equal("difficult-conversations,wellbeing", CardJson.Value(CardJson.Input(card, "topics")));
        Assert.Equal("fi,sv", CardJson.Value(CardJson.Input(card, "languages")));
        var texts = CardText.Of(card);
        Assert.Contains("Valitse ainakin yksi aihe, jossa voit auttaa.", texts);
        Assert.Contains("Suostumustekstin versio " + ConsentTextVersion.Current, texts);
    }

    [Theory]
    [InlineData("fi", "”eroa”", "”peru suostumus”", "”unohda minut”")]
    [InlineData("en", "“leave”", "“withdraw”", "“forget me”")]
    public void The_consent_request_tells_how_to_leave_withdraw_and_be_forgotten(string language, string leave, string withdraw, string forget)
    {
        var texts = string.Join("\n", CardText.Of(Build(language, cards => cards.ConsentRequest(Cohort(), Code, existing: null))));

        Assert.Contains(leave, texts, StringComparison.Ordinal);
        Assert.Contains(withdraw, texts, StringComparison.Ordinal);
        Assert.Contains(forget, texts, StringComparison.Ordinal);
    }

    [Fact]
    public void Joined_shows_the_choices_and_the_commands_in_the_ui_language()
    {
        var texts = CardText.Of(Build("fi", cards => cards.Joined(Cohort(), Profile())));

        Assert.Contains("Vaikeat keskustelut ja ristiriidat, Työhyvinvointi ja jaksaminen", texts);
        Assert.Contains("suomi, ruotsi", texts);
        Assert.Contains("Enintään 4 avunpyyntöä kuukaudessa", texts);
        Assert.Contains("aiheeni", texts);
        Assert.Contains("tauko", texts);
        Assert.Contains("omat tietoni", texts);
        Assert.Contains("unohda minut", texts);
    }

    [Fact]
    public void Declining_says_nothing_was_stored()
    {
        Assert.Contains("Nothing was stored.", CardText.Of(Build("en", cards => cards.Declined("Cohort A"))));
        Assert.Contains("Mitään ei tallennettu.", CardText.Of(Build("fi", cards => cards.Declined("Cohort A"))));
    }

    [Fact]
    public void The_topics_form_saves_both_choices_prefilled()
    {
        var card = Build("en", cards => cards.TopicsForm(Profile()));

        Assert.Equal([ConsentVerbs.SaveTopics], CardJson.Verbs(card));
        Assert.Equal("difficult-conversations,wellbeing", CardJson.Value(CardJson.Input(card, "topics")));
        Assert.Equal("fi,sv", CardJson.Value(CardJson.Input(card, "languages")));
    }

    [Fact]
    public void The_availability_form_offers_the_pause_choices_and_a_cap_of_one_to_ten()
    {
        var card = Build("en", cards => cards.AvailabilityForm(Profile(), Now));

        Assert.Equal([ConsentVerbs.SaveAvailability], CardJson.Verbs(card));
        var pause = CardJson.Input(card, "pause");
        Assert.Equal(
            [PauseChoices.None, PauseChoices.OneWeek, PauseChoices.TwoWeeks, PauseChoices.FourWeeks, PauseChoices.UntilResumed],
            CardJson.ChoiceValues(pause));
        Assert.Equal(PauseChoices.None, CardJson.Value(pause));
        var cap = CardJson.Input(card, "cap");
        Assert.Equal(Enumerable.Range(1, 10).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), CardJson.ChoiceValues(cap));
        Assert.Equal("4", CardJson.Value(cap));
        Assert.Equal("At most 1 request a month", CardJson.ChoiceTitles(cap)[0]);
        Assert.Equal("At most 4 requests a month", CardJson.ChoiceTitles(cap)[3]);
        Assert.Contains("You are available for requests.", CardText.Of(card));
    }

    [Theory]
    [InlineData(7, null, "Olet tauolla 30.11.2026 asti.")]
    [InlineData(-1, PauseChoices.None, "Olet käytettävissä avunpyynnöille.")]
    [InlineData(null, PauseChoices.UntilResumed, "Olet tauolla toistaiseksi, kunnes jatkat.")]
    public void The_availability_form_states_the_current_break(int? days, string? preselected, string state)
    {
        var pausedUntil = days is { } d ? Now.AddDays(d) : PeerSupportBot.Consent.Profile.Indefinitely;
        var card = Build("fi", cards => cards.AvailabilityForm(Profile(pausedUntil), Now));

        Assert.Contains(state, CardText.Of(card));
        Assert.Equal(preselected, CardJson.Value(CardJson.Input(card, "pause")));
    }

    [Fact]
    public void My_data_shows_every_stored_field_and_every_consent_log_entry()
    {
        var card = Build("en", cards => cards.MyData("Anna", Profile(pausedUntil: Now.AddDays(7)), Contact(), PersonCohorts(), ConsentLog(), Names()));

        var texts = CardText.Of(card);
        var contact = Contact();
        foreach (var stored in new[] { "person-anna", "Anna Esimerkki", "fi-FI", contact.ServiceUrl, contact.TenantId!, contact.BotId, contact.UserId, contact.ConversationId!, contact.UserPrincipalName!, "until 30 Nov 2026", "At most 4 requests a month" })
        {
            Assert.Contains(stored, texts);
        }

        Assert.Contains("Esihenkilövalmennus kevät 2027", texts);
        Assert.Contains("trainer since 2 Nov 2026", texts);
        Assert.Contains("member since 14 Sep 2026", texts);
        // Log times are in Finnish time: 12:30 UTC in September is 15:30 in Helsinki.
        Assert.Contains("14 Sep 2026, 15:30 · consent given", texts);
        Assert.Contains("1 Oct 2026, 15:00 · choices changed", texts);
        Assert.Contains("Lähijohtajat syksy 2026", texts);
        Assert.Contains("c-gone", texts);
        Assert.Contains("2026-09-01", texts);
        Assert.Contains(ConsentTextVersion.Current, texts);
        Assert.Contains(texts, text => text.Contains("“forget me”", StringComparison.Ordinal));
        Assert.Empty(CardJson.Actions(card));
    }

    [Fact]
    public void My_data_says_so_when_nothing_is_stored()
    {
        var texts = CardText.Of(Build("fi", cards => cards.MyData("Anna", null, null, [], [], Names())));

        Assert.Contains("Anna, sinusta ei ole tallennettu mitään.", texts);
    }

    [Fact]
    public void Forgetting_and_withdrawing_ask_first_and_can_be_cancelled()
    {
        var forget = Build("fi", cards => cards.ConfirmForget());
        var withdraw = Build("fi", cards => cards.ConfirmWithdraw());

        Assert.Equal([ConsentVerbs.Forget, ConsentVerbs.KeepData], CardJson.Verbs(forget));
        Assert.Equal("Unohda minut", CardJson.Action(forget, ConsentVerbs.Forget).GetProperty("title").GetString());
        Assert.Equal([ConsentVerbs.WithdrawAll, ConsentVerbs.KeepData], CardJson.Verbs(withdraw));
        Assert.Equal("destructive", CardJson.Action(withdraw, ConsentVerbs.WithdrawAll).GetProperty("style").GetString());
    }

    private static Dictionary<string, string> Names() => new()
    {
        ["c-spring"] = "Esihenkilövalmennus kevät 2027",
        ["c-autumn"] = "Lähijohtajat syksy 2026",
    };

    private static JsonElement Build(string language, Func<ConsentCards, AdaptiveCard> build)
    {
        using var _ = BotLanguage.Use(Localizers.Language(language));
        return build(Localizers.ConsentCards()).ToJsonElement();
    }
}
