using System.Text.Json;
using PeerSupportBot.Consent;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Localization;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;
using static PeerSupportBot.Tests.Cards.SampleData;

namespace PeerSupportBot.Tests.Cards;

public sealed class CohortCardsTests
{
    private static readonly Dictionary<string, Func<CohortCards, AdaptiveCard>> AllCards = new()
    {
        ["CreateForm"] = cards => cards.CreateForm("Kurssiryhmä", postHere: true, error: "!"),
        ["Invitation"] = cards => cards.Invitation(Cohort(), Code),
        ["Created"] = cards => cards.Created(Cohort(), Code),
        ["JoinContinuesPrivately"] = cards => cards.JoinContinuesPrivately(Cohort()),
        ["PickCohortToInvite"] = cards => cards.PickCohortToInvite([Cohort(), OtherCohort()]),
        ["MyCohorts"] = cards => cards.MyCohorts(PersonCohorts(), new Dictionary<string, Cohort> { ["c-spring"] = Cohort() }),
        ["MyCohortsEmpty"] = cards => cards.MyCohorts([], new Dictionary<string, Cohort>()),
        ["Members"] = cards => cards.Members(Cohort(), Members()),
        ["MembersEmpty"] = cards => cards.Members(Cohort(), []),
        ["ConfirmDelete"] = cards => cards.ConfirmDelete(Cohort()),
        ["CodeRotated"] = cards => cards.CodeRotated(Cohort(), Code),
        ["ClosedNotice"] = cards => cards.ClosedNotice(Cohort(closed: true)),
        ["Deleted"] = cards => cards.Deleted("Esihenkilövalmennus kevät 2027"),
        ["MemberRemoved"] = cards => cards.MemberRemoved("Esihenkilövalmennus kevät 2027", "Ben Example"),
        ["Left"] = cards => cards.Left("Esihenkilövalmennus kevät 2027"),
    };

    public static TheoryData<string> CardNames => [.. AllCards.Keys];

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Every_cohort_card_is_valid_in_both_languages_and_its_heading_switches_language(string name)
    {
        var finnish = Build("fi", AllCards[name]);
        var english = Build("en", AllCards[name]);

        CardJson.AssertSameCardInBothLanguages(finnish, english);
    }

    [Fact]
    public void The_create_form_asks_for_a_name_of_at_most_60_characters_and_an_optional_end_date()
    {
        var card = Build("en", cards => cards.CreateForm("Course chat", postHere: true));

        Assert.Equal(["name", "endsOn"], CardJson.InputIds(card));
        var name = CardJson.Input(card, "name");
        Assert.Equal(60, name.GetProperty("maxLength").GetInt32());
        Assert.True(name.GetProperty("isRequired").GetBoolean());
        Assert.Equal("Course chat", CardJson.Value(name));
        Assert.False(CardJson.Input(card, "endsOn").TryGetProperty("isRequired", out _));
        Assert.Equal("Ends on (optional)", CardJson.Input(card, "endsOn").GetProperty("label").GetString());
        var create = CardJson.Action(card, CohortVerbs.Create);
        Assert.Equal("true", CardJson.Data(create, "postHere"));
        Assert.DoesNotContain(CardText.Of(card), text => text.Contains('!', StringComparison.Ordinal));
    }

    [Fact]
    public void The_create_form_shows_an_error_in_attention_colour_and_remembers_where_to_post()
    {
        var card = Build("fi", cards => cards.CreateForm(null, postHere: false, error: "Nimessä voi olla enintään 60 merkkiä."));

        var error = card.GetProperty("body").EnumerateArray().Single(element => element.TryGetProperty("color", out _));
        Assert.Equal("attention", error.GetProperty("color").GetString());
        Assert.Equal("Nimessä voi olla enintään 60 merkkiä.", error.GetProperty("text").GetString());
        Assert.Equal("false", CardJson.Data(CardJson.Action(card, CohortVerbs.Create), "postHere"));
        Assert.Null(CardJson.Value(CardJson.Input(card, "name")));
    }

    [Theory]
    [InlineData("fi", "Liity ryhmän Esihenkilövalmennus kevät 2027 vertaistukeen", "Liity", "liity K7Q2-XM4P")]
    [InlineData("en", "Join the peer support of Esihenkilövalmennus kevät 2027", "Join", "join K7Q2-XM4P")]
    public void The_invitation_names_cohort_and_trainer_and_joins_with_the_cohort_and_its_code(string language, string heading, string button, string command)
    {
        var card = Build(language, cards => cards.Invitation(Cohort(), Code));

        Assert.Equal(heading, CardJson.Heading(card));
        var texts = CardText.Of(card);
        Assert.Contains("Kaisa Kouluttaja", texts);
        Assert.Contains(texts, text => text.Contains(command, StringComparison.Ordinal));
        var join = Assert.Single(CardJson.Actions(card));
        Assert.Equal(button, join.GetProperty("title").GetString());
        Assert.Equal(CohortVerbs.Join, join.GetProperty("verb").GetString());
        Assert.Equal("c-spring", CardJson.Data(join, "cohortId"));
        Assert.Equal(Code, CardJson.Data(join, "code"));
        Assert.Empty(CardJson.InputIds(card));
    }

    [Fact]
    public void The_created_card_shows_the_code_large_and_explains_both_ways_to_invite()
    {
        var card = Build("fi", cards => cards.Created(Cohort(), Code));

        var code = card.GetProperty("body").EnumerateArray().Single(element => element.GetProperty("text").GetString() == Code);
        Assert.Equal("extraLarge", code.GetProperty("size").GetString());
        var texts = string.Join("\n", CardText.Of(card));
        Assert.Contains("”kutsu”", texts, StringComparison.Ordinal);
        Assert.Contains("kutsukortti", texts, StringComparison.Ordinal);
        Assert.Empty(CardJson.Actions(card));
    }

    [Fact]
    public void Joining_from_a_group_shows_the_presser_only_where_to_continue()
    {
        var card = Build("en", cards => cards.JoinContinuesPrivately(Cohort()));

        Assert.Contains(CardText.Of(card), text => text.Contains("private chat", StringComparison.Ordinal) && text.Contains("Esihenkilövalmennus kevät 2027", StringComparison.Ordinal));
        Assert.Empty(CardJson.Actions(card));
        Assert.Empty(CardJson.InputIds(card));
    }

    [Fact]
    public void Picking_a_cohort_to_invite_offers_each_cohort_by_id_in_a_compact_list()
    {
        var card = Build("fi", cards => cards.PickCohortToInvite([Cohort(), OtherCohort()]));

        var choice = CardJson.Input(card, "cohortChoice");
        Assert.Equal("compact", choice.GetProperty("style").GetString());
        Assert.Equal(["c-spring", "c-autumn"], CardJson.ChoiceValues(choice));
        Assert.Equal(["Esihenkilövalmennus kevät 2027", "Lähijohtajat syksy 2026"], CardJson.ChoiceTitles(choice));
        Assert.Equal([CohortVerbs.Invite], CardJson.Verbs(card));
    }

    [Fact]
    public void My_cohorts_gives_a_trainer_the_cohort_buttons_and_a_member_the_leave_button()
    {
        var card = Build("en", cards => cards.MyCohorts(PersonCohorts(), new Dictionary<string, Cohort> { ["c-spring"] = Cohort() }));

        Assert.Equal(
            [CohortVerbs.Members, CohortVerbs.RotateCode, CohortVerbs.Close, CohortVerbs.Delete, ConsentVerbs.Leave],
            CardJson.Verbs(card));
        Assert.All(CardJson.Actions(card).Take(4), action => Assert.Equal("c-spring", CardJson.Data(action, "cohortId")));
        Assert.Equal("c-autumn", CardJson.Data(CardJson.Action(card, ConsentVerbs.Leave), "cohortId"));
        var texts = CardText.Of(card);
        Assert.Contains("Cohorts you train", texts);
        Assert.Contains("Cohorts you belong to", texts);
        Assert.Contains("Joined 14 Sep 2026", texts);
    }

    [Fact]
    public void My_cohorts_offers_no_close_button_for_a_closed_cohort()
    {
        var card = Build("fi", cards => cards.MyCohorts(PersonCohorts(), new Dictionary<string, Cohort> { ["c-spring"] = Cohort(closed: true) }));

        Assert.DoesNotContain(CohortVerbs.Close, CardJson.Verbs(card));
        Assert.Contains("Luotu 2.11.2026 · suljettu uusilta jäseniltä", CardText.Of(card));
    }

    [Theory]
    [InlineData("fi", "uusi ryhmä", "liity")]
    [InlineData("en", "new cohort", "join")]
    public void My_cohorts_without_any_explains_how_to_start_or_join_one(string language, string create, string join)
    {
        var card = Build(language, cards => cards.MyCohorts([], new Dictionary<string, Cohort>()));

        var texts = string.Join("\n", CardText.Of(card));
        Assert.Contains(create, texts, StringComparison.Ordinal);
        Assert.Contains(join, texts, StringComparison.Ordinal);
        Assert.Empty(CardJson.Actions(card));
    }

    [Fact]
    public void Members_lists_name_joined_date_and_topics_in_the_ui_language_with_a_remove_button_each()
    {
        var finnish = Build("fi", cards => cards.Members(Cohort(), Members()));
        var english = Build("en", cards => cards.Members(Cohort(), Members()));

        var texts = CardText.Of(finnish);
        Assert.Contains("Anna Esimerkki", texts);
        Assert.Contains("Liittynyt 5.11.2026", texts);
        Assert.Contains("Voi auttaa aiheissa: Vaikeat keskustelut ja ristiriidat, Työhyvinvointi ja jaksaminen", texts);
        Assert.Contains("Can help with: Remote work and remote leadership", CardText.Of(english));
        var removes = CardJson.Actions(finnish);
        Assert.Equal(["person-anna", "person-ben"], removes.Select(action => CardJson.Data(action, "memberKey")));
        Assert.All(removes, action =>
        {
            Assert.Equal(CohortVerbs.RemoveMember, action.GetProperty("verb").GetString());
            Assert.Equal("c-spring", CardJson.Data(action, "cohortId"));
        });
    }

    [Fact]
    public void Members_shows_an_empty_state_when_no_one_has_joined()
    {
        var card = Build("en", cards => cards.Members(Cohort(), []));

        Assert.Contains(CardText.Of(card), text => text.StartsWith("No one has joined yet", StringComparison.Ordinal));
        Assert.Empty(CardJson.Actions(card));
    }

    [Fact]
    public void Confirming_a_delete_offers_the_delete_and_a_way_back_to_the_members()
    {
        var card = Build("fi", cards => cards.ConfirmDelete(Cohort()));

        Assert.Equal([CohortVerbs.DeleteConfirmed, CohortVerbs.Members], CardJson.Verbs(card));
        var delete = CardJson.Action(card, CohortVerbs.DeleteConfirmed);
        Assert.Equal("destructive", delete.GetProperty("style").GetString());
        Assert.All(CardJson.Actions(card), action => Assert.Equal("c-spring", CardJson.Data(action, "cohortId")));
        Assert.Equal("Poistetaanko ryhmä Esihenkilövalmennus kevät 2027?", CardJson.Heading(card));
    }

    [Fact]
    public void A_rotated_code_is_shown_with_the_warning_that_old_invitations_stop_working()
    {
        var card = Build("en", cards => cards.CodeRotated(Cohort(), "NEW1-CODE"));

        var texts = CardText.Of(card);
        Assert.Contains("NEW1-CODE", texts);
        Assert.Contains(texts, text => text.StartsWith("The old code no longer works", StringComparison.Ordinal));
    }

    private static JsonElement Build(string language, Func<CohortCards, AdaptiveCard> build)
    {
        using var _ = BotLanguage.Use(Localizers.Language(language));
        return build(Localizers.CohortCards()).ToJsonElement();
    }
}
