using System.Net;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Cohorts;

/// <summary>
/// The whole trust network, through POST /api/messages with Azurite behind it: a trainer creates
/// a cohort and invites the course chat; three participants join (two from the card, one by
/// code), consent and choose topics; the trainer sees them; they pause, leave, withdraw and forget.
/// </summary>
public sealed class CohortJourneyTests : IAsyncLifetime
{
    private readonly TeamsWorld _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task A_cohort_forms_from_invitation_to_consent_and_each_member_can_step_out()
    {
        var trainer = _world.Person("Kaisa Kouluttaja");
        var aino = _world.Person("Aino Esihenkilö");
        var ben = _world.Person("Ben Supervisor", "en-US");
        var cecilia = _world.Person("Cecilia Lähijohtaja");

        // The trainer creates the cohort in 1:1 and gets the code and an invitation card.
        Assert.Equal(HttpStatusCode.OK, await _world.SayAsync(trainer, "uusi ryhmä Esihenkilövalmennus syksy 2026"));
        var invitationToForward = _world.LastCardTo(trainer);
        var code = OnCard.ActionData(invitationToForward, CohortVerbs.Join)!["code"]!.GetValue<string>();
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", code);
        Assert.Contains(_world.SentTo(trainer), activity => activity.Attachments is { Count: > 0 } && OnCard.Shows(activity.SingleCard(), code));

        // In the course chat, "@bot kutsu" posts the invitation for everyone.
        Assert.Equal(HttpStatusCode.OK, await _world.SayAsync(trainer, "kutsu", inGroup: true));
        var invitation = _world.LastCardIn(_world.GroupChatId);
        Assert.True(OnCard.Shows(invitation, "Esihenkilövalmennus syksy 2026"));
        var groupMessagesBefore = _world.SentTo(_world.GroupChatId).Count;

        // Aino and Ben join from the card: the consent card reaches each privately; nothing is stored yet.
        var ainoPressed = await _world.PressAsync(aino, invitation, CohortVerbs.Join, inGroup: true);
        Assert.Equal(HttpStatusCode.OK, ainoPressed.Status);
        Assert.Empty(await StorageScan.RowsMentioningAsync(_world.App, aino.AadObjectId, aino.Name, aino.UserId));
        var ainoConsent = _world.LastCardTo(aino);
        Assert.NotNull(OnCard.ActionData(ainoConsent, ConsentVerbs.Give));
        var ainoJoined = await _world.PressAsync(aino, ainoConsent, ConsentVerbs.Give,
            new Dictionary<string, string> { ["topics"] = "change-management,remote-leadership", ["languages"] = "fi" });
        Assert.Equal(HttpStatusCode.OK, ainoJoined.Status);
        AdaptiveCardSchema.AssertValid(ainoJoined.Card);

        await _world.PressAsync(ben, invitation, CohortVerbs.Join, inGroup: true);
        await _world.PressAsync(ben, _world.LastCardTo(ben), ConsentVerbs.Give,
            new Dictionary<string, string> { ["topics"] = "difficult-conversations", ["languages"] = "en,fi" });

        // Cecilia joins by code in her 1:1 chat.
        Assert.Equal(HttpStatusCode.OK, await _world.SayAsync(cecilia, "liity " + code.ToLowerInvariant()));
        await _world.PressAsync(cecilia, _world.LastCardTo(cecilia), ConsentVerbs.Give,
            new Dictionary<string, string> { ["topics"] = "wellbeing", ["languages"] = "fi,sv" });

        // Nothing about anyone's choices was posted in the course chat.
        Assert.Equal(groupMessagesBefore, _world.SentTo(_world.GroupChatId).Count);

        // The trainer's member list shows the three, with the topics they offer.
        var members = await MembersAsSeenByAsync(trainer);
        Assert.True(OnCard.Shows(members, aino.Name));
        Assert.True(OnCard.Shows(members, ben.Name));
        Assert.True(OnCard.Shows(members, cecilia.Name));
        Assert.True(OnCard.Shows(members, "Muutosjohtaminen"));
        Assert.False(OnCard.Shows(members, trainer.Name));

        // Aino pauses for two weeks with a cap of 5.
        await _world.SayAsync(aino, "tauko");
        var paused = await _world.PressAsync(aino, _world.LastCardTo(aino), ConsentVerbs.SaveAvailability,
            new Dictionary<string, string> { ["pause"] = PauseChoices.TwoWeeks, ["cap"] = "5" });
        Assert.Equal(HttpStatusCode.OK, paused.Status);
        var ainoMembership = Assert.Single(await StorageScan.RowsAsync(_world.App, "CohortMembers"), row => row.GetString("PersonKey") == aino.AadObjectId);
        Assert.Equal(5, ainoMembership.GetInt32("MonthlyCap"));
        Assert.InRange(ainoMembership.GetDateTimeOffset("PausedUntil")!.Value, DateTimeOffset.UtcNow.AddDays(13), DateTimeOffset.UtcNow.AddDays(15));

        // Ben leaves; Cecilia withdraws her consent: both stop being members at once.
        await _world.SayAsync(ben, "my cohorts");
        var left = await _world.PressAsync(ben, _world.LastCardTo(ben), ConsentVerbs.Leave);
        Assert.Equal(HttpStatusCode.OK, left.Status);
        await _world.SayAsync(cecilia, "peru suostumus");
        var withdrawn = await _world.PressAsync(cecilia, _world.LastCardTo(cecilia), ConsentVerbs.WithdrawAll);
        Assert.Equal(HttpStatusCode.OK, withdrawn.Status);
        members = await MembersAsSeenByAsync(trainer);
        Assert.True(OnCard.Shows(members, aino.Name));
        Assert.False(OnCard.Shows(members, ben.Name));
        Assert.False(OnCard.Shows(members, cecilia.Name));

        // Aino asks to be forgotten: no row anywhere mentions her afterwards.
        Assert.NotEmpty(await StorageScan.RowsMentioningAsync(_world.App, aino.AadObjectId));
        await _world.SayAsync(aino, "unohda minut");
        var forgotten = await _world.PressAsync(aino, _world.LastCardTo(aino), ConsentVerbs.Forget);
        Assert.Equal(HttpStatusCode.OK, forgotten.Status);
        Assert.Empty(await StorageScan.RowsMentioningAsync(_world.App, aino.AadObjectId, aino.Name, aino.UserId, aino.PersonalConversationId, aino.Upn));
        Assert.False(OnCard.Shows(await MembersAsSeenByAsync(trainer), aino.Name));
    }

    private async Task<System.Text.Json.JsonElement> MembersAsSeenByAsync(TeamsPerson trainer)
    {
        await _world.SayAsync(trainer, "omat ryhmät");
        var answer = await _world.PressAsync(trainer, _world.LastCardTo(trainer), CohortVerbs.Members);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        AdaptiveCardSchema.AssertValid(answer.Card);
        return answer.Card;
    }
}
