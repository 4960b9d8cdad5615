using System.Net;
using System.Text.Json;
using PeerSupportBot.Asking;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.HelpRequests;

/// <summary>
/// "En ehdi nyt" is private and blameless: through POST /api/messages with Azurite behind it,
/// what the decliner, the asker and the other helpers see, and what is stored.
/// </summary>
public sealed class DeclineTests : IAsyncLifetime
{
    private readonly TeamsWorld _world = new(runSweep: false);
    private TeamsPerson _asker = null!;
    private TeamsPerson[] _helpers = null!;

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        (_asker, _helpers) = await _world.AskerAndHelpersAsync(4, "change-negotiations");
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Declining_answers_the_decliner_kindly_and_the_asker_hears_nothing()
    {
        var (decliner, other) = await SendToTwoAsync();
        var toAsker = _world.SentTo(_asker).Count;

        var declined = await _world.PressAsync(decliner, RequestCard(decliner), HelpRequestVerbs.Decline);

        Assert.Equal(HttpStatusCode.OK, declined.Status);
        Assert.Equal(BotText.Get<HelpRequestText>("DeclineAcknowledgedTitle", "fi"), Cards.CardJson.Heading(declined.Card));
        Assert.Equal(toAsker, _world.SentTo(_asker).Count);
        Assert.Empty(_world.UpdatedCardsTo(_asker));
        Assert.Empty(_world.UpdatedCardsTo(other));
        var helperRows = (await StorageScan.RowsAsync(_world.App, "HelpRequests")).Where(row => row.RowKey.StartsWith("helper|", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Declined", "Pending"], helperRows.Select(row => row.GetString("Status")).Order(StringComparer.Ordinal));
        Assert.Equal("Declined", helperRows.Single(row => string.Equals(row.GetString("HelperKey"), decliner.AadObjectId, StringComparison.OrdinalIgnoreCase)).GetString("Status"));
        Assert.Equal("Open", (await StorageScan.RowsAsync(_world.App, "HelpRequests")).Single(row => row.RowKey == "request").GetString("Status"));
    }

    [Fact]
    public async Task The_decliners_card_becomes_a_kind_note_with_nothing_left_to_press_and_nothing_of_the_ask()
    {
        var (decliner, _) = await SendToTwoAsync();

        var declined = await _world.PressAsync(decliner, RequestCard(decliner), HelpRequestVerbs.Decline);

        AdaptiveCardSchema.AssertValid(declined.Card);
        Assert.True(OnCard.Shows(declined.Card, BotText.Get<HelpRequestText>("DeclineAcknowledgedExplained", "fi")));
        Assert.Empty(OnCard.AllActions(declined.Card));
        Assert.False(OnCard.Shows(declined.Card, _asker.Name));
        Assert.False(OnCard.Shows(declined.Card, "Muutosneuvottelut"));
    }

    [Fact]
    public async Task Declining_never_tells_the_asker_who_declined()
    {
        var (first, second) = await SendToTwoAsync();

        await _world.PressAsync(first, RequestCard(first), HelpRequestVerbs.Decline);
        await _world.PressAsync(second, RequestCard(second), HelpRequestVerbs.Decline);

        // Everyone declined: the asker is offered others, and no word of who said no.
        var offer = _world.LastCardTo(_asker);
        Assert.Equal(BotText.Get<AskText>("NextTitle", "fi"), Cards.CardJson.Heading(offer));
        var offerText = offer.GetRawText();
        Assert.DoesNotContain(first.Name, offerText, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Name, offerText, StringComparison.Ordinal);
        var suggested = OnCard.ActionData(offer, AskVerbs.SendAll)?["suggested"]?.GetValue<string>() ?? "";
        Assert.DoesNotContain(first.AadObjectId, suggested, StringComparison.Ordinal);
        Assert.DoesNotContain(second.AadObjectId, suggested, StringComparison.Ordinal);
        Assert.Equal("AllDeclined", (await StorageScan.RowsAsync(_world.App, "HelpRequests")).Single(row => row.RowKey == "request").GetString("Status"));
    }

    [Fact]
    public async Task Declining_twice_changes_nothing_and_a_decline_after_the_request_closed_is_kind_too()
    {
        var (decliner, accepter) = await SendToTwoAsync();
        await _world.PressAsync(accepter, RequestCard(accepter), HelpRequestVerbs.Accept);
        var before = await StorageScan.RowsAsync(_world.App, "HelpRequests");

        var late = await _world.PressAsync(decliner, RequestCard(decliner), HelpRequestVerbs.Decline);
        var again = await _world.PressAsync(decliner, RequestCard(decliner), HelpRequestVerbs.Decline);

        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Equal(BotText.Get<HelpRequestText>("DeclineAcknowledgedTitle", "fi"), Cards.CardJson.Heading(late.Card));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        var after = await StorageScan.RowsAsync(_world.App, "HelpRequests");
        Assert.Equal(before.Select(row => row.RowKey + "=" + row.GetString("Status")).Order(), after.Select(row => row.RowKey + "=" + row.GetString("Status")).Order());
    }

    [Fact]
    public async Task Someone_who_was_not_asked_cannot_decline_for_another()
    {
        var (asked, _) = await SendToTwoAsync();
        var outsider = _helpers.First(helper => !_world.SentTo(helper).Any(IsRequest));
        var card = RequestCard(asked);

        var answer = await _world.PressAsync(outsider, card, HelpRequestVerbs.Decline);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(BotText.Get<HelpRequestText>("NotYourRequest", "fi"), answer.ShownMessage);
        Assert.DoesNotContain((await StorageScan.RowsAsync(_world.App, "HelpRequests")), row => row.GetString("Status") == "Declined");
    }

    private async Task<(TeamsPerson First, TeamsPerson Second)> SendToTwoAsync()
    {
        await _world.SayAsync(_asker, "Muutosneuvottelut alkavat ensi viikolla, miten kerron tiimille?");
        var askCard = _world.LastCardTo(_asker);
        var suggested = (OnCard.ActionData(askCard, AskVerbs.SendAll)?["suggested"]?.GetValue<string>() ?? "").Split(',');
        var chosen = _helpers.Where(helper => suggested.Contains(helper.AadObjectId)).Take(2).ToArray();
        await _world.PressAsync(_asker, askCard, AskVerbs.Send, new Dictionary<string, string> { ["helpers"] = string.Join(',', chosen.Select(helper => helper.AadObjectId)) });
        return (chosen[0], chosen[1]);
    }

    private JsonElement RequestCard(TeamsPerson helper) =>
        _world.SentTo(helper).Last(IsRequest).SingleCard();

    private static bool IsRequest(PeerSupportBot.BotFramework.Schema.Activity activity) =>
        activity.Attachments is { Count: > 0 } && OnCard.ActionData(activity.SingleCard(), HelpRequestVerbs.Decline) is not null;
}
