using System.Net;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Consent;

public sealed class ConsentTests : IAsyncLifetime
{
    private readonly TeamsWorld _world = new();
    private string _code = "";

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        var trainer = _world.Person("Kaisa Kouluttaja");
        await _world.SayAsync(trainer, "uusi ryhmä Työnohjausryhmä");
        _code = OnCard.ActionData(_world.LastCardTo(trainer), CohortVerbs.Join)!["code"]!.GetValue<string>();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Every_consent_given_changed_and_withdrawn_is_logged_with_scope_and_text_version()
    {
        var member = await JoinAsync(_world.Person("Aino Esihenkilö"), "change-management", "fi");

        await _world.SayAsync(member, "aiheeni");
        var saved = await _world.PressAsync(member, _world.LastCardTo(member), ConsentVerbs.SaveTopics,
            new Dictionary<string, string> { ["topics"] = "change-management,wellbeing", ["languages"] = "fi,en" });
        await _world.SayAsync(member, "peru suostumus");
        await _world.PressAsync(member, _world.LastCardTo(member), ConsentVerbs.WithdrawAll);

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        var log = (await StorageScan.RowsAsync(_world.App, "ConsentLog")).OrderBy(row => row.GetDateTimeOffset("At")).ThenByDescending(row => row.RowKey).ToList();
        Assert.Equal(["Given", "Changed", "Withdrawn"], log.Select(row => row.GetString("Action")));
        Assert.Equal("change-management,wellbeing", log[1].GetString("Topics"));
        Assert.Equal("fi,en", log[1].GetString("Languages"));
        Assert.All(log, row => Assert.Equal(ConsentTextVersion.Current, row.GetString("ConsentTextVersion")));
        Assert.All(log, row => Assert.Equal(member.AadObjectId, row.PartitionKey));
    }

    [Fact]
    public async Task Consent_needs_a_topic_and_the_card_says_so()
    {
        var person = _world.Person("Ben Supervisor", "en-US");
        await _world.SayAsync(person, "join " + _code);

        var answer = await _world.PressAsync(person, _world.LastCardTo(person), ConsentVerbs.Give,
            new Dictionary<string, string> { ["topics"] = "", ["languages"] = "en" });

        Assert.True(OnCard.Shows(answer.Card, BotText.Get<ConsentText>("NoTopicsChosen", "en")));
        Assert.Empty(await StorageScan.RowsMentioningAsync(_world.App, person.AadObjectId));
    }

    [Fact]
    public async Task Unknown_topic_ids_are_ignored_rather_than_stored()
    {
        var member = await JoinAsync(_world.Person("Ben Supervisor", "en-US"), "wellbeing,<script>,made-up-topic", "en,xx");

        var profile = Assert.Single(await StorageScan.RowsAsync(_world.App, "Profiles"));
        Assert.Equal("wellbeing", profile.GetString("Topics"));
        Assert.Equal("en", profile.GetString("Languages"));
        _ = member;
    }

    [Fact]
    public async Task My_data_shows_everything_stored_about_the_person()
    {
        var member = await JoinAsync(_world.Person("Aino Esihenkilö"), "remote-leadership", "fi");

        await _world.SayAsync(member, "omat tietoni");

        var card = _world.LastCardTo(member);
        AdaptiveCardSchema.AssertValid(card);
        Assert.True(OnCard.Shows(card, "Työnohjausryhmä"));
        Assert.True(OnCard.Shows(card, "Etätyö ja etäjohtaminen"));
        Assert.True(OnCard.Shows(card, member.PersonalConversationId));
        Assert.True(OnCard.Shows(card, member.Upn));
        Assert.True(OnCard.Shows(card, ConsentTextVersion.Current));
    }

    [Fact]
    public async Task The_contact_link_follows_a_changed_service_url()
    {
        var member = await JoinAsync(_world.Person("Aino Esihenkilö"), "wellbeing", "fi");
        var moved = _world.Activity(member, "message", inGroup: false);
        moved.Text = "aiheeni";
        moved.ServiceUrl = _world.Connector.ServiceUrl + "emea/";

        await _world.App.PostActivityAsync(moved);

        var contact = Assert.Single(await StorageScan.RowsAsync(_world.App, "Contacts"));
        Assert.Equal(moved.ServiceUrl, contact.GetString("ServiceUrl"));
        Assert.Equal(member.Upn, contact.GetString("UserPrincipalName"));
    }

    [Fact]
    public async Task Pausing_until_resumed_and_resuming_are_both_saved()
    {
        var member = await JoinAsync(_world.Person("Aino Esihenkilö"), "wellbeing", "fi");

        await _world.SayAsync(member, "tauko");
        await _world.PressAsync(member, _world.LastCardTo(member), ConsentVerbs.SaveAvailability,
            new Dictionary<string, string> { ["pause"] = PauseChoices.UntilResumed, ["cap"] = "3" });
        var pausedUntil = Assert.Single(await StorageScan.RowsAsync(_world.App, "CohortMembers")).GetDateTimeOffset("PausedUntil");
        await _world.SayAsync(member, "jatka");

        Assert.Equal(Profile.Indefinitely, pausedUntil);
        Assert.Null(Assert.Single(await StorageScan.RowsAsync(_world.App, "CohortMembers")).GetDateTimeOffset("PausedUntil"));
        Assert.Equal(BotText.Get<ConsentText>("Resumed", "fi"), _world.SentTo(member)[^1].Text);
    }

    [Fact]
    public async Task A_cap_out_of_range_is_refused_and_changes_nothing()
    {
        var member = await JoinAsync(_world.Person("Ben Supervisor", "en-US"), "wellbeing", "en");
        await _world.SayAsync(member, "pause");

        var answer = await _world.PressAsync(member, _world.LastCardTo(member), ConsentVerbs.SaveAvailability,
            new Dictionary<string, string> { ["pause"] = PauseChoices.None, ["cap"] = "500" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(BotText.Get<ConsentText>("CapOutOfRange", "en"), answer.ShownMessage);
        Assert.Equal(Profile.DefaultMonthlyCap, Assert.Single(await StorageScan.RowsAsync(_world.App, "Profiles")).GetInt32("MonthlyCap"));
    }

    [Fact]
    public async Task Declining_consent_stores_nothing()
    {
        var person = _world.Person("Ben Supervisor", "en-US");
        await _world.SayAsync(person, "join " + _code);

        var answer = await _world.PressAsync(person, _world.LastCardTo(person), ConsentVerbs.Decline);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Empty(await StorageScan.RowsMentioningAsync(_world.App, person.AadObjectId, person.Name, person.UserId));
    }

    private async Task<TeamsPerson> JoinAsync(TeamsPerson person, string topics, string languages)
    {
        await _world.SayAsync(person, (person.Locale == "fi-FI" ? "liity " : "join ") + _code);
        var joined = await _world.PressAsync(person, _world.LastCardTo(person), ConsentVerbs.Give,
            new Dictionary<string, string> { ["topics"] = topics, ["languages"] = languages });
        Assert.Equal(HttpStatusCode.OK, joined.Status);
        return person;
    }
}
