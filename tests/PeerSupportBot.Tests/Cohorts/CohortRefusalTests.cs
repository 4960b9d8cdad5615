using System.Net;
using System.Text.Json.Nodes;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Cohorts;

/// <summary>Bad input gets a clear answer in the person's language, a 4xx on the wire, and changes nothing.</summary>
public sealed class CohortRefusalTests : IAsyncLifetime
{
    private readonly TeamsWorld _world = new();
    private TeamsPerson _trainer = null!;
    private string _code = "";
    private string _cohortId = "";

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        _trainer = _world.Person("Kaisa Kouluttaja");
        await _world.SayAsync(_trainer, "uusi ryhmä Työnohjausryhmä");
        var join = OnCard.ActionData(_world.LastCardTo(_trainer), CohortVerbs.Join)!;
        _code = join["code"]!.GetValue<string>();
        _cohortId = join["cohortId"]!.GetValue<string>();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Theory]
    [InlineData("fi-FI", "liity ABCD-EFGH-JKMN", "fi")]
    [InlineData("en-US", "join ABCD-EFGH-JKMN", "en")]
    [InlineData("en-US", "join not-a-code", "en")]
    public async Task A_wrong_code_is_refused_in_the_language_of_the_word_and_stores_nothing(string locale, string text, string language)
    {
        var stranger = _world.Person("Sami Sivullinen", locale);

        var status = await _world.SayAsync(stranger, text);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(BotText.Get<CohortText>("UnknownCode", language), _world.SentTo(stranger).Single().Text);
        Assert.Empty(await StorageScan.RowsMentioningAsync(_world.App, stranger.Name, stranger.UserId));
    }

    [Fact]
    public async Task Guessing_codes_is_throttled_even_for_the_right_code()
    {
        var guesser = _world.Person("Gustav Guesser", "en-US");
        for (var attempt = 0; attempt < JoinThrottle.MaxFailures; attempt++)
        {
            await _world.SayAsync(guesser, $"join AAAA-BBBB-CC{attempt:D2}");
        }

        var status = await _world.SayAsync(guesser, "join " + _code);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(BotText.Get<CohortText>("TooManyAttempts", "en", (int)JoinThrottle.Window.TotalMinutes), _world.SentTo(guesser)[^1].Text);
        Assert.DoesNotContain(_world.SentTo(guesser), activity => activity.Attachments is { Count: > 0 });
    }

    [Fact]
    public async Task A_rotated_code_no_longer_works()
    {
        await _world.SayAsync(_trainer, "omat ryhmät");
        var rotated = await _world.PressAsync(_trainer, _world.LastCardTo(_trainer), CohortVerbs.RotateCode);
        Assert.Equal(HttpStatusCode.OK, rotated.Status);
        var newcomer = _world.Person("Noora Uusi");

        Assert.Equal(HttpStatusCode.OK, await _world.SayAsync(newcomer, "liity " + _code));
        Assert.Equal(BotText.Get<CohortText>("UnknownCode", "fi"), _world.SentTo(newcomer).Single().Text);
    }

    [Fact]
    public async Task A_closed_cohort_takes_no_new_members()
    {
        await _world.SayAsync(_trainer, "omat ryhmät");
        await _world.PressAsync(_trainer, _world.LastCardTo(_trainer), CohortVerbs.Close);
        var latecomer = _world.Person("Leena Myöhäinen");

        Assert.Equal(HttpStatusCode.OK, await _world.SayAsync(latecomer, "liity " + _code));
        Assert.Equal(BotText.Get<CohortText>("ClosedCohort", "fi"), _world.SentTo(latecomer).Single().Text);
    }

    [Fact]
    public async Task Joining_twice_is_refused_and_keeps_one_membership()
    {
        var member = _world.Person("Mikko Jäsen");
        await JoinAsync(member);

        Assert.Equal(HttpStatusCode.OK, await _world.SayAsync(member, "liity " + _code));
        Assert.Equal(BotText.Get<CohortText>("AlreadyMember", "fi"), _world.SentTo(member)[^1].Text);
        Assert.Single(await StorageScan.RowsAsync(_world.App, "CohortMembers"), row => row.GetString("PersonKey") == member.AadObjectId);
    }

    [Fact]
    public async Task A_member_cannot_use_the_trainers_buttons()
    {
        var member = _world.Person("Mikko Jäsen");
        await JoinAsync(member);

        foreach (var verb in new[] { CohortVerbs.Members, CohortVerbs.RotateCode, CohortVerbs.Close, CohortVerbs.DeleteConfirmed })
        {
            var answer = await _world.PressWithDataAsync(member, verb, new JsonObject { ["cohortId"] = _cohortId, ["lang"] = "fi" });

            Assert.Equal(HttpStatusCode.OK, answer.Status);
            Assert.Equal(BotText.Get<CohortText>("NotTrainer", "fi"), answer.ShownMessage);
        }

        Assert.NotEmpty(await StorageScan.RowsAsync(_world.App, "Cohorts"));
        Assert.True(OnCard.Shows((await _world.PressWithDataAsync(_trainer, CohortVerbs.Members, new JsonObject { ["cohortId"] = _cohortId })).Card, member.Name));
    }

    [Fact]
    public async Task Leaving_a_cohort_one_does_not_belong_to_is_refused()
    {
        var stranger = _world.Person("Sami Sivullinen", "en-US");

        var answer = await _world.PressWithDataAsync(stranger, ConsentVerbs.Leave, new JsonObject { ["cohortId"] = _cohortId, ["lang"] = "en" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(BotText.Get<CohortText>("NotMember", "en"), answer.ShownMessage);
    }

    [Fact]
    public async Task Consent_with_a_forged_ticket_is_refused_and_stores_nothing()
    {
        var forger = _world.Person("Frida Förfalskare", "en-US");

        var answer = await _world.PressWithDataAsync(forger, ConsentVerbs.Give,
            new JsonObject { ["cohortId"] = _cohortId, ["code"] = "0123456789abcdef0123456789abcdef", ["topics"] = "wellbeing", ["languages"] = "en", ["lang"] = "en" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(BotText.Get<CohortText>("UnknownCode", "en"), answer.ShownMessage);
        Assert.Empty(await StorageScan.RowsMentioningAsync(_world.App, forger.Name, forger.AadObjectId));
    }

    [Fact]
    public async Task The_join_button_without_a_code_works_only_where_the_invitation_was_posted()
    {
        var outsider = _world.Person("Olli Ulkopuolinen");

        var answer = await _world.PressWithDataAsync(outsider, CohortVerbs.Join, new JsonObject { ["cohortId"] = _cohortId, ["lang"] = "fi" }, inGroup: true);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(BotText.Get<CohortText>("UnknownCode", "fi"), answer.ShownMessage);
        Assert.Empty(_world.SentTo(outsider));
    }

    [Theory]
    [InlineData("uusi ryhmä " + "Hyvin pitkä nimi joka ei mahdu mitenkään kuudenkymmenen merkin rajaan vaikka yrittäisi", "fi", "NameTooLong")]
    [InlineData("new cohort      ", "en", null)]
    public async Task Cohort_names_must_fit(string text, string language, string? refusal)
    {
        var trainer = _world.Person("Tiina Kouluttaja", language == "fi" ? "fi-FI" : "en-US");
        var cohortsBefore = (await StorageScan.RowsAsync(_world.App, "Cohorts")).Count;

        var status = await _world.SayAsync(trainer, text);

        Assert.Equal(cohortsBefore, (await StorageScan.RowsAsync(_world.App, "Cohorts")).Count);
        if (refusal is null)
        {
            // No name at all: the form asks for one.
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.NotNull(OnCard.ActionData(_world.LastCardTo(trainer), CohortVerbs.Create));
        }
        else
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(BotText.Get<CohortText>(refusal, language, CohortOptions.MaxNameLength), _world.SentTo(trainer).Single().Text);
        }
    }

    [Fact]
    public async Task An_empty_name_in_the_form_is_refused_on_the_form()
    {
        var trainer = _world.Person("Tiina Kouluttaja", "en-US");
        await _world.SayAsync(trainer, "new cohort");

        var answer = await _world.PressAsync(trainer, _world.LastCardTo(trainer), CohortVerbs.Create, new Dictionary<string, string> { ["name"] = "   " });

        Assert.True(OnCard.Shows(answer.Card, BotText.Get<CohortText>("NameEmpty", "en")));
        Assert.Single(await StorageScan.RowsAsync(_world.App, "Cohorts"));
    }

    [Fact]
    public async Task Personal_commands_are_refused_in_a_group_chat()
    {
        var member = _world.Person("Mikko Jäsen");
        await JoinAsync(member);
        var groupBefore = _world.SentTo(_world.GroupChatId).Count;

        var status = await _world.SayAsync(member, "omat tietoni", inGroup: true);

        Assert.Equal(HttpStatusCode.OK, status);
        var reply = Assert.Single(_world.SentTo(_world.GroupChatId).Skip(groupBefore));
        Assert.Equal(BotText.Get<CohortText>("CommandOnlyInPersonalChat", "fi"), reply.Text);
        Assert.Null(reply.Attachments);
    }

    private async Task JoinAsync(TeamsPerson person)
    {
        await _world.SayAsync(person, "liity " + _code);
        var joined = await _world.PressAsync(person, _world.LastCardTo(person), ConsentVerbs.Give,
            new Dictionary<string, string> { ["topics"] = "wellbeing", ["languages"] = "fi" });
        Assert.Equal(HttpStatusCode.OK, joined.Status);
    }
}
