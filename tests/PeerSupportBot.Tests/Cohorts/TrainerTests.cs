using System.Net;
using System.Text.Json.Nodes;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Cohorts;

public sealed class TrainerTests : IAsyncLifetime
{
    private readonly TeamsWorld _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task An_English_trainer_gets_the_invitation_in_English()
    {
        var trainer = _world.Person("Tom Trainer", "en-US");

        await _world.SayAsync(trainer, "new cohort Leadership Autumn");

        var invitation = _world.LastCardTo(trainer);
        AdaptiveCardSchema.AssertValid(invitation);
        Assert.True(OnCard.Shows(invitation, BotText.Get<CohortText>("InvitationTitle", "en", "Leadership Autumn")));
        Assert.True(OnCard.Shows(invitation, "Tom Trainer"));
    }

    [Fact]
    public async Task Invite_without_a_cohort_offers_one_named_after_the_chat_and_posts_its_invitation_there()
    {
        var trainer = _world.Person("Kaisa Kouluttaja");

        await _world.SayAsync(trainer, "kutsu", inGroup: true);
        var offer = _world.LastCardIn(_world.GroupChatId);
        var answer = await _world.PressAsync(trainer, offer, CohortVerbs.Create, new Dictionary<string, string> { ["name"] = "Esihenkilövalmennus syksy 2026" }, inGroup: true);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Contains(CardText.Of(offer), text => text == "Esihenkilövalmennus syksy 2026");
        var invitation = _world.LastCardIn(_world.GroupChatId);
        Assert.NotNull(OnCard.ActionData(invitation, CohortVerbs.Join));
        Assert.Single(await StorageScan.RowsAsync(_world.App, "Cohorts"));
    }

    [Fact]
    public async Task Invite_with_several_cohorts_asks_which_one()
    {
        var trainer = _world.Person("Kaisa Kouluttaja");
        await _world.SayAsync(trainer, "uusi ryhmä Kevät");
        await _world.SayAsync(trainer, "uusi ryhmä Syksy");

        await _world.SayAsync(trainer, "kutsu", inGroup: true);
        var picker = _world.LastCardIn(_world.GroupChatId);
        var autumn = (await StorageScan.RowsAsync(_world.App, "Cohorts")).Single(row => row.GetString("Name") == "Syksy").PartitionKey;
        var answer = await _world.PressAsync(trainer, picker, CohortVerbs.Invite, new Dictionary<string, string> { ["cohortChoice"] = autumn }, inGroup: true);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        var invitation = _world.LastCardIn(_world.GroupChatId);
        Assert.True(OnCard.Shows(invitation, "Syksy"));
        Assert.Equal(autumn, OnCard.ActionData(invitation, CohortVerbs.Join)!["cohortId"]!.GetValue<string>());

        // Anyone in the chat can now join from it.
        var participant = _world.Person("Aino Esihenkilö");
        Assert.Equal(HttpStatusCode.OK, (await _world.PressAsync(participant, invitation, CohortVerbs.Join, inGroup: true)).Status);
        Assert.NotNull(OnCard.ActionData(_world.LastCardTo(participant), ConsentVerbs.Give));
    }

    [Fact]
    public async Task Only_configured_creators_may_create_cohorts_when_a_list_is_set()
    {
        const string AllowedTrainer = "0c8a5f3e-7b1d-4e2a-9f6c-3d2b1a0e9f8d";
        var world = new TeamsWorld(new Dictionary<string, string?> { ["Cohorts:Creators:0"] = AllowedTrainer });
        await world.InitializeAsync();
        try
        {
            var trainer = world.Person("Kaisa Kouluttaja", aadObjectId: AllowedTrainer);
            var other = world.Person("Olli Muu", "en-US");

            var refused = await world.SayAsync(other, "new cohort Mine");
            var accepted = await world.SayAsync(trainer, "uusi ryhmä Oma");

            Assert.Equal(HttpStatusCode.OK, refused);
            Assert.Equal(BotText.Get<CohortText>("NotAllowedToCreate", "en"), world.SentTo(other).Single().Text);
            Assert.Equal(HttpStatusCode.OK, accepted);
            Assert.Equal("Oma", Assert.Single(await StorageScan.RowsAsync(world.App, "Cohorts")).GetString("Name"));
        }
        finally
        {
            await world.DisposeAsync();
        }
    }

    [Fact]
    public async Task Removing_a_member_tells_them_and_leaves_them_out_of_the_list()
    {
        var (trainer, cohortId, members) = await CohortWithMembersAsync("Mikko Jäsen", "Ben Member");
        var (mikko, ben) = (members[0], members[1]);

        var answer = await _world.PressWithDataAsync(trainer, CohortVerbs.RemoveMember, new JsonObject { ["cohortId"] = cohortId, ["memberKey"] = mikko.AadObjectId, ["lang"] = "fi" });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.False(OnCard.Shows(answer.Card, mikko.Name));
        Assert.True(OnCard.Shows(answer.Card, ben.Name));
        Assert.Equal(BotText.Get<CohortText>("RemovedNotice", "fi", "Työnohjausryhmä"), _world.SentTo(mikko)[^1].Text);
    }

    [Fact]
    public async Task Deleting_a_cohort_removes_every_membership_and_tells_each_member_in_their_language()
    {
        var (trainer, cohortId, members) = await CohortWithMembersAsync("Mikko Jäsen", "Ben Member");

        var confirm = await _world.PressWithDataAsync(trainer, CohortVerbs.Delete, new JsonObject { ["cohortId"] = cohortId, ["lang"] = "fi" });
        var deleted = await _world.PressAsync(trainer, confirm.Card, CohortVerbs.DeleteConfirmed);

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(BotText.Get<CohortText>("CohortDeletedNotice", "fi", "Työnohjausryhmä"), _world.SentTo(members[0])[^1].Text);
        Assert.Equal(BotText.Get<CohortText>("CohortDeletedNotice", "en", "Työnohjausryhmä"), _world.SentTo(members[1])[^1].Text);
        foreach (var table in new[] { "Cohorts", "CohortMembers", "PersonCohorts", "JoinCodes" })
        {
            Assert.Empty(await StorageScan.RowsAsync(_world.App, table));
        }
    }

    private async Task<(TeamsPerson Trainer, string CohortId, TeamsPerson[] Members)> CohortWithMembersAsync(string finnishMember, string englishMember)
    {
        var trainer = _world.Person("Kaisa Kouluttaja");
        await _world.SayAsync(trainer, "uusi ryhmä Työnohjausryhmä");
        var join = OnCard.ActionData(_world.LastCardTo(trainer), CohortVerbs.Join)!;
        var code = join["code"]!.GetValue<string>();
        var members = new[] { _world.Person(finnishMember), _world.Person(englishMember, "en-US") };
        foreach (var member in members)
        {
            await _world.SayAsync(member, (member.Locale == "fi-FI" ? "liity " : "join ") + code);
            var joined = await _world.PressAsync(member, _world.LastCardTo(member), ConsentVerbs.Give,
                new Dictionary<string, string> { ["topics"] = "wellbeing", ["languages"] = "fi" });
            Assert.Equal(HttpStatusCode.OK, joined.Status);
        }

        return (trainer, join["cohortId"]!.GetValue<string>(), members);
    }
}
