using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.Asking;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Contacts;
using PeerSupportBot.Tests.Infrastructure;
using PeerSupportBot.Tests.Storage;

namespace PeerSupportBot.Tests.Teams;

/// <summary>
/// A person's turns from the chat the bot already holds read no contact link (ConfirmedContacts),
/// and nothing stored elsewhere is missed for it: through POST /api/messages, with Azurite behind
/// it, the fake connector's Teams rules, and a second instance on the same tables.
/// </summary>
public sealed class ConfirmedContactsTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 2, 8, 8, 0, 0, TimeSpan.Zero));
    private readonly TeamsWorld _world;
    private string _code = "";

    public ConfirmedContactsTests() => _world = new TeamsWorld(clock: _clock, runSweep: false);

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        _code = await _world.CohortAsync(_world.Person("Kaisa Kouluttaja"), "Esihenkilövalmennus syksy 2026");
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Turns_from_the_same_chat_within_the_hour_read_no_contact_and_the_first_after_it_reads_it_once()
    {
        var person = await MemberAsync("Aino Kysyjä", "wellbeing");
        using var requests = new TableRequests(_world.App);

        await _world.SayAsync(person, "ohje");
        Assert.Equal(0, requests.Next().To("read", "Contacts"));

        _clock.Advance(ConfirmedContacts.TimeToLive + TimeSpan.FromMinutes(1));
        await _world.SayAsync(person, "ohje");
        Assert.Equal(1, requests.Next().To("read", "Contacts"));
        await _world.SayAsync(person, "ohje");
        Assert.Equal(0, requests.Next().To("read", "Contacts"));
    }

    [Fact]
    public async Task Someone_another_instance_saw_uninstall_is_suggested_again_once_they_reinstall_wherever_that_lands()
    {
        var helper = await MemberAsync("Helmi Auttaja", "change-negotiations");
        var asker = await MemberAsync("Aino Kysyjä", "wellbeing");
        await _world.SayAsync(helper, "ohje");

        await using (var second = _world.SecondInstance())
        {
            _world.Via = second;
            await _world.PersonalInstallationAsync(helper, InstallationActions.Remove);
            _world.Via = null;
        }

        await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla");
        Assert.DoesNotContain(helper.AadObjectId, Suggested(_world.LastCardTo(asker)));

        // This instance still remembers the helper's chat as it was, but an install is always read.
        await _world.PersonalInstallationAsync(helper, InstallationActions.Add);
        await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla");
        Assert.Contains(helper.AadObjectId, Suggested(_world.LastCardTo(asker)));
    }

    [Fact]
    public async Task A_helper_who_writes_from_a_new_chat_moments_later_is_sent_the_request_there()
    {
        var helper = await MemberAsync("Helmi Auttaja", "change-negotiations");
        var asker = await MemberAsync("Aino Kysyjä", "wellbeing");
        await _world.SayAsync(helper, "ohje");
        var moved = helper with { PersonalConversationId = helper.PersonalConversationId + "-new" };
        _world.Connector.Rules.Installed(moved.UserId, moved.PersonalConversationId);
        await _world.SayAsync(moved, "ohje");

        await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla");
        await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.Send, new Dictionary<string, string> { ["helpers"] = helper.AadObjectId });
        await _world.App.OutboxDrainedAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(_world.SentTo(moved), activity => activity.Attachments?.Count > 0 && OnCard.Shows(activity.SingleCard(), asker.Name));
    }

    private async Task<TeamsPerson> MemberAsync(string name, string topics)
    {
        var person = _world.Person(name);
        await _world.JoinAsync(person, _code, topics);
        return person;
    }

    private static string[] Suggested(JsonElement askCard) =>
        OnCard.ActionData(askCard, AskVerbs.SendAll)?["suggested"]?.GetValue<string>().Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
