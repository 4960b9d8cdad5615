using System.Net;
using System.Text.Json;
using PeerSupportBot.Asking;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Teams;

/// <summary>
/// Everyone the bot may ask is someone Teams lets it write to, and everyone it cannot reach is
/// told what to do: through POST /api/messages, with Azurite behind it and a fake connector that
/// keeps Teams' production rules (no 1:1 chat without a personal install, 403 after an uninstall,
/// 404 for a deleted chat).
/// </summary>
public sealed class ReachabilityTests : IAsyncLifetime
{
    private readonly TeamsWorld _world = new();
    private TeamsPerson _trainer = null!;
    private string _code = "";

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        _trainer = _world.Person("Kaisa Kouluttaja");
        _code = await _world.CohortAsync(_trainer, "Esihenkilövalmennus syksy 2026");
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Someone_without_the_app_joins_in_the_course_chat_and_is_asked_only_after_opening_the_bot()
    {
        var newcomer = _world.Person("Uusi Osallistuja");
        _world.Connector.Rules.WithoutPersonalApp(newcomer.UserId);
        await _world.SayAsync(_trainer, "kutsu", inGroup: true);
        var invitation = _world.LastCardIn(_world.GroupChatId);

        var pressed = await _world.PressAsync(newcomer, invitation, CohortVerbs.Join, inGroup: true);

        // The consent form is the presser's own view of the invitation; nothing is stored yet.
        Assert.Equal(HttpStatusCode.OK, pressed.Status);
        Assert.True(OnCard.Shows(pressed.Card, BotText.Get<ConsentText>("ConsentHereInstead", "fi")));
        Assert.Empty(await StorageScan.RowsMentioningAsync(_world.App, newcomer.AadObjectId, newcomer.Name));
        var joined = await _world.PressAsync(newcomer, pressed.Card, ConsentVerbs.Give,
            new Dictionary<string, string> { ["topics"] = "change-negotiations", ["languages"] = "fi" }, inGroup: true);
        Assert.Equal(HttpStatusCode.OK, joined.Status);
        Assert.True(OnCard.Shows(joined.Card, BotText.Get<ConsentText>("JoinedNotYetReachable", "fi")));
        Assert.Contains(OnCard.Links(joined.Card), link => link.StartsWith("https://teams.microsoft.com/l/chat/0/0?users=28%3A", StringComparison.Ordinal));

        var members = await _world.PressAsync(_trainer, await TrainerCohortCardAsync(), CohortVerbs.Members);
        Assert.True(OnCard.Shows(members.Card, BotText.Get<CohortText>("MemberNotYetReachable", "fi")));
        var asker = await MemberAsync("Aino Kysyjä", "wellbeing");
        await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla");
        Assert.DoesNotContain(newcomer.AadObjectId, Suggested(_world.LastCardTo(asker)));

        // Opening the bot personally (Teams sends the install, then they write) makes them reachable.
        await _world.PersonalInstallationAsync(newcomer, InstallationActions.Add);
        await _world.SayAsync(newcomer, "ohje");
        await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla");
        Assert.Contains(newcomer.AadObjectId, Suggested(_world.LastCardTo(asker)));
        var membersNow = await _world.PressAsync(_trainer, await TrainerCohortCardAsync(), CohortVerbs.Members);
        Assert.False(OnCard.Shows(membersNow.Card, BotText.Get<CohortText>("MemberNotYetReachable", "fi")));
    }

    [Fact]
    public async Task An_ask_in_the_group_from_someone_the_bot_cannot_reach_leaves_only_a_neutral_line_there()
    {
        var asker = await MemberAsync("Aino Kysyjä", "wellbeing");
        _world.Connector.Rules.WithoutPersonalApp(asker.UserId);
        const string Problem = "Tiimini jäsen uupui ja pelkään muutosneuvotteluja";

        var status = await _world.SayAsync(asker, Problem, inGroup: true);

        Assert.Equal(HttpStatusCode.OK, status);
        var inGroup = Assert.Single(_world.SentTo(_world.GroupChatId), activity => activity.Attachments is { Count: > 0 } && !OnCard.Shows(activity.SingleCard(), "Esihenkilövalmennus"));
        Assert.True(OnCard.Shows(inGroup.SingleCard(), BotText.Get<AskText>("ContinuePrivatelyOpenBot", "fi")));
        Assert.Contains(OnCard.Links(inGroup.SingleCard()), link => link.StartsWith("https://teams.microsoft.com/l/chat/0/0", StringComparison.Ordinal));
        Assert.DoesNotContain(_world.Connector.Requests, request => request.Body.Contains("uupui", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Someone_who_uninstalled_the_app_is_never_suggested_until_they_come_back()
    {
        var helper = await MemberAsync("Helmi Auttaja", "change-negotiations");
        var asker = await MemberAsync("Aino Kysyjä", "wellbeing");
        await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla");
        Assert.Contains(helper.AadObjectId, Suggested(_world.LastCardTo(asker)));

        Assert.Equal(HttpStatusCode.OK, await _world.PersonalInstallationAsync(helper, InstallationActions.Remove));
        await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla");
        Assert.DoesNotContain(helper.AadObjectId, Suggested(_world.LastCardTo(asker)));

        await _world.PersonalInstallationAsync(helper, InstallationActions.Add);
        await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla");
        Assert.Contains(helper.AadObjectId, Suggested(_world.LastCardTo(asker)));
    }

    [Theory]
    [InlineData("uninstalled")]
    [InlineData("blocked")]
    [InlineData("deleted")]
    public async Task A_helper_Teams_refuses_is_marked_unreachable_at_once_and_the_asker_offered_someone_else(string refusal)
    {
        var gone = await MemberAsync("Poissa Oleva", "change-negotiations");
        var other = await MemberAsync("Helmi Auttaja", "change-negotiations");
        var asker = await MemberAsync("Aino Kysyjä", "wellbeing");
        switch (refusal)
        {
            case "uninstalled": _world.Connector.Rules.Uninstalled(gone.UserId, gone.PersonalConversationId); break;
            case "blocked": _world.Connector.Rules.Blocked(gone.PersonalConversationId); break;
            default: _world.Connector.Rules.ChatDeleted(gone.PersonalConversationId); break;
        }

        await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla");
        var askCard = _world.LastCardTo(asker);
        var postsBefore = _world.PostsTo(gone);
        var sent = await _world.PressAsync(asker, askCard, AskVerbs.Send, new Dictionary<string, string> { ["helpers"] = gone.AadObjectId });

        // One refused post, and no retry: Teams' answer will not change.
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Equal(postsBefore + 1, _world.PostsTo(gone));
        var offer = _world.LastCardTo(asker);
        Assert.True(OnCard.Shows(offer, BotText.Get<AskText>("NextTitle", "fi")) || OnCard.Shows(offer, BotText.Get<AskText>("NextTitleUnreachable", "fi")));
        Assert.Contains(other.AadObjectId, Suggested(offer));
        Assert.DoesNotContain(gone.AadObjectId, Suggested(offer));
        await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla");
        Assert.DoesNotContain(gone.AadObjectId, Suggested(_world.LastCardTo(asker)));
    }

    [Fact]
    public async Task When_one_of_two_helpers_cannot_be_reached_the_asker_hears_so_and_the_other_still_gets_the_request()
    {
        var gone = await MemberAsync("Poissa Oleva", "change-negotiations");
        var other = await MemberAsync("Helmi Auttaja", "change-negotiations");
        var asker = await MemberAsync("Aino Kysyjä", "wellbeing");
        _world.Connector.Rules.Uninstalled(gone.UserId, gone.PersonalConversationId);
        await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla");

        await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.Send, new Dictionary<string, string> { ["helpers"] = gone.AadObjectId + "," + other.AadObjectId });

        Assert.Contains(_world.SentTo(other), activity => activity.Attachments is { Count: > 0 } && OnCard.Shows(activity.SingleCard(), asker.Name));
        Assert.True(OnCard.Shows(_world.LastCardTo(asker), BotText.Get<AskText>("NextTitleUnreachable", "fi")));
    }

    [Fact]
    public async Task A_client_refresh_of_the_ask_card_shows_colleagues_and_records_nothing()
    {
        await MemberAsync("Helmi Auttaja", "change-negotiations");
        var asker = await MemberAsync("Aino Kysyjä", "wellbeing");
        await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla");
        var askCard = _world.LastCardTo(asker);
        var before = await AllRowsAsync();

        var refreshed = await _world.PressAsync(asker, askCard, AskVerbs.Refresh, trigger: "automatic");

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(Suggested(askCard), Suggested(refreshed.Card));
        Assert.Equal(before, await AllRowsAsync());
    }

    [Fact]
    public async Task A_client_refresh_of_a_button_that_changes_things_changes_nothing()
    {
        var helper = await MemberAsync("Helmi Auttaja", "change-negotiations");
        var asker = await MemberAsync("Aino Kysyjä", "wellbeing");
        await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla");
        await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.Send, new Dictionary<string, string> { ["helpers"] = helper.AadObjectId });
        var before = await AllRowsAsync();
        var toAskerBefore = _world.SentTo(asker).Count;

        var refreshed = await _world.PressAsync(helper, _world.LastCardTo(helper), PeerSupportBot.HelpRequests.HelpRequestVerbs.Accept, trigger: "automatic");

        // No acceptance, no introduction: a refresh is the client redrawing, not the helper pressing.
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(before, await AllRowsAsync());
        Assert.Equal(toAskerBefore, _world.SentTo(asker).Count);
    }

    [Fact]
    public async Task An_activity_from_a_tenant_the_bot_does_not_serve_is_acknowledged_and_changes_nothing()
    {
        await using var app = new BotApplication(new Dictionary<string, string?> { ["Teams:AllowedTenants"] = TeamsWorld.TenantId });
        var stranger = _world.Person("Vieras Organisaatio");
        var activity = _world.Activity(stranger, ActivityTypes.Message, inGroup: false);
        activity.Text = "liity " + _code;
        activity.ChannelData = JsonSerializer.SerializeToElement(new TeamsChannelData { Tenant = new TenantInfo { Id = "00000000-0000-0000-0000-0000000bad00" } }, BotFrameworkJsonContext.Default.TeamsChannelData);
        activity.Conversation!.TenantId = "00000000-0000-0000-0000-0000000bad00";
        var before = _world.Connector.Requests.Count;

        var response = await app.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, _world.Connector.Requests.Count);
        foreach (var table in await StorageScan.TablesAsync(app))
        {
            Assert.Empty(await StorageScan.RowsAsync(app, table[app.TablePrefix.Length..]));
        }
    }

    // Every row of the app's tables but the delivery records' times, as text, to compare two moments.
    private async Task<List<string>> AllRowsAsync()
    {
        var rows = new List<string>();
        foreach (var table in await StorageScan.TablesAsync(_world.App))
        {
            foreach (var row in await StorageScan.RowsAsync(_world.App, table[_world.App.TablePrefix.Length..]))
            {
                rows.Add(table + "/" + row.PartitionKey + "/" + row.RowKey + ":" + string.Join(";", row.Where(pair => pair.Key is not ("Timestamp" or "odata.etag")).OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + "=" + pair.Value)));
            }
        }

        return rows;
    }

    private async Task<TeamsPerson> MemberAsync(string name, string topics)
    {
        var person = _world.Person(name);
        await _world.JoinAsync(person, _code, topics);
        return person;
    }

    private async Task<JsonElement> TrainerCohortCardAsync()
    {
        await _world.SayAsync(_trainer, "omat ryhmät");
        return _world.LastCardTo(_trainer);
    }

    private static string[] Suggested(JsonElement askCard) =>
        OnCard.ActionData(askCard, AskVerbs.SendAll)?["suggested"]?.GetValue<string>().Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [];
}
