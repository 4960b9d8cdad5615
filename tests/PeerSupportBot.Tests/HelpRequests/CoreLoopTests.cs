using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.Asking;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.HelpRequests;

/// <summary>
/// A request's life after it is sent: races, declines, expiry, cancel, follow-up, retention and
/// forget-me, through POST /api/messages with Azurite behind it and a fake connector playing
/// Teams. The path from ask to introduction is in AskToIntroductionTests.
/// </summary>
public sealed class CoreLoopTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly TeamsWorld _world;
    private TeamsPerson _asker = null!;
    private TeamsPerson[] _helpers = null!;
    private JsonElement _waiting;

    /// <summary>How long a wait for a signal may last before the test fails: a bound, never a pause.</summary>
    private static readonly TimeSpan SignalTimeout = TimeSpan.FromSeconds(30);

    public CoreLoopTests() => _world = new TeamsWorld(clock: _clock, runSweep: false);

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        var trainer = _world.Person("Kaisa Kouluttaja");
        var code = await _world.CohortAsync(trainer, "Esihenkilövalmennus syksy 2026");
        _asker = _world.Person("Aino Esihenkilö");
        await _world.JoinAsync(_asker, code, "wellbeing");
        _helpers =
        [
            _world.Person("Helmi Auttaja"),
            _world.Person("Heikki Neuvoja"),
            _world.Person("Hanna Kokenut"),
            _world.Person("Harri Tukija"),
        ];
        foreach (var helper in _helpers)
        {
            await _world.JoinAsync(helper, code, "change-negotiations,difficult-conversations");
        }
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Two_helpers_accepting_at_once_give_exactly_one_introduction()
    {
        var chosen = await SendToAsync(2, "Kuinka valmistautua muutosneuvotteluihin?");
        var askerBefore = _world.SentTo(_asker).Count;

        var answers = await Task.WhenAll(chosen.Select(helper => _world.PressAsync(helper, _world.LastCardTo(helper), HelpRequestVerbs.Accept)));

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.OK, answer.Status));
        Assert.Single(_world.SentTo(_asker).Skip(askerBefore));
        Assert.Single(answers, answer => OnCard.Links(answer.Card).Any(link => link.Contains("/l/chat/", StringComparison.Ordinal)));
        Assert.Single(await StorageScan.RowsAsync(_world.App, "HelpRequests"), row => row.RowKey == "request" && row.GetString("Status") == "Accepted");
    }

    [Fact]
    public async Task Accepting_a_request_twice_keeps_one_introduction()
    {
        var helper = (await SendToAsync(1, "Muutosneuvottelut alkavat, miten tuen tiimiä?"))[0];
        var card = _world.LastCardTo(helper);
        var askerBefore = _world.SentTo(_asker).Count;

        var first = await _world.PressAsync(helper, card, HelpRequestVerbs.Accept);
        var second = await _world.PressAsync(helper, card, HelpRequestVerbs.Accept);

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(OnCard.Links(first.Card), OnCard.Links(second.Card));
        Assert.Single(_world.SentTo(_asker).Skip(askerBefore));
    }

    [Fact]
    public async Task Once_everyone_asked_has_declined_the_asker_is_offered_the_next_colleagues()
    {
        var chosen = await SendToAsync(2, "Muutosneuvotteluissa tarvitsisin vinkkejä");
        var askerBefore = _world.SentTo(_asker).Count;

        foreach (var helper in chosen)
        {
            await _world.PressAsync(helper, _world.LastCardTo(helper), HelpRequestVerbs.Decline);
        }

        var offer = Assert.Single(_world.SentTo(_asker).Skip(askerBefore)).SingleCard();
        var offered = SuggestedKeys(offer);
        Assert.NotEmpty(offered);
        Assert.DoesNotContain(offered, key => chosen.Any(helper => helper.AadObjectId == key));
        Assert.All(chosen, helper => Assert.False(OnCard.Shows(offer, helper.Name)));
    }

    [Fact]
    public async Task An_expired_request_closes_the_helpers_cards_and_offers_the_next_colleagues()
    {
        var asked = (await SendToAsync(1, "Muutosneuvottelut: miten kerron tiimille?"))[0];
        var requestCard = _world.LastCardTo(asked);
        var askerBefore = _world.SentTo(_asker).Count;

        _clock.Advance(TimeSpan.FromHours(23));
        Assert.Equal(0, await _world.App.SweepAsync());
        _clock.Advance(TimeSpan.FromHours(2));
        await _world.App.SweepAsync();

        Assert.Single(_world.UpdatedCardsTo(asked));
        var offer = Assert.Single(_world.SentTo(_asker).Skip(askerBefore)).SingleCard();
        Assert.DoesNotContain(asked.AadObjectId, SuggestedKeys(offer));
        Assert.NotEmpty(SuggestedKeys(offer));
        var late = await _world.PressAsync(asked, requestCard, HelpRequestVerbs.Accept);
        Assert.False(OnCard.Links(late.Card).Any());
    }

    [Fact]
    public async Task Expiry_survives_a_restart_of_the_bot()
    {
        var asked = (await SendToAsync(1, "Muutosneuvottelut ja irtisanomiset, kokemuksia?"))[0];
        var askerBefore = _world.PostsTo(_asker);

        var earlier = _world.Connector.Requests.ToHashSet();

        await _world.RestartAsync(runSweep: true);
        _ = _world.App.Services;
        _clock.Advance(TimeSpan.FromHours(25));

        // The restarted bot's own sweep runs on the fake clock; the test waits for its posts, not for time.
        var offer = await _world.Connector.WaitForRequestAsync(request => request.Method == "POST" && request.IsActivityWrite && request.PathSegments.Contains(_asker.PersonalConversationId) && !earlier.Contains(request), SignalTimeout);
        await _world.Connector.WaitForRequestAsync(request => request.Method == "PUT" && request.PathSegments.Contains(asked.PersonalConversationId), SignalTimeout);
        Assert.True(_world.PostsTo(_asker) > askerBefore);
        Assert.Equal(BotText.Get<AskText>("NextTitleExpired", "fi"), Cards.CardJson.Heading(JsonSerializer.Deserialize(offer.Body, PeerSupportBot.BotFramework.Schema.BotFrameworkJsonContext.Default.Activity)!.SingleCard()));
        Assert.Single(_world.UpdatedCardsTo(asked));
    }

    [Fact]
    public async Task The_asker_can_cancel_and_the_helpers_cards_say_so()
    {
        var chosen = await SendToAsync(2, "Muutosneuvottelut, apua");
        var requestCard = _world.LastCardTo(chosen[0]);

        var cancelled = await _world.PressAsync(_asker, _waiting, HelpRequestVerbs.Cancel);

        Assert.Equal(HttpStatusCode.OK, cancelled.Status);
        Assert.All(chosen, helper => Assert.Single(_world.UpdatedCardsTo(helper)));
        var late = await _world.PressAsync(chosen[0], requestCard, HelpRequestVerbs.Accept);
        Assert.False(OnCard.Links(late.Card).Any());
    }

    [Fact]
    public async Task Only_the_addressed_helper_can_answer_and_only_the_asker_can_cancel()
    {
        var chosen = await SendToAsync(1, "Muutosneuvottelut");
        var requestId = OnCard.ActionData(_world.LastCardTo(chosen[0]), HelpRequestVerbs.Accept)!["requestId"]!.GetValue<string>();
        var outsider = _helpers.First(helper => helper != chosen[0]);

        var stolenAccept = await _world.PressWithDataAsync(outsider, HelpRequestVerbs.Accept, new JsonObject { ["requestId"] = requestId, ["lang"] = "fi" });
        var stolenCancel = await _world.PressWithDataAsync(chosen[0], HelpRequestVerbs.Cancel, new JsonObject { ["requestId"] = requestId, ["lang"] = "fi" });
        var forged = await _world.PressWithDataAsync(outsider, HelpRequestVerbs.Accept, new JsonObject { ["requestId"] = "../../Profiles", ["lang"] = "fi" });

        Assert.Equal(HttpStatusCode.OK, stolenAccept.Status);
        Assert.Equal(BotText.Get<HelpRequestText>("NotYourRequest", "fi"), stolenAccept.ShownMessage);
        Assert.Equal(HttpStatusCode.OK, stolenCancel.Status);
        Assert.Equal(BotText.Get<AskText>("OnlyAskerCanCancel", "fi"), stolenCancel.ShownMessage);
        Assert.Equal(HttpStatusCode.OK, forged.Status);
        Assert.Single(await StorageScan.RowsAsync(_world.App, "HelpRequests"), row => row.RowKey == "request" && row.GetString("Status") == "Open");
    }

    [Fact]
    public async Task A_tampered_ask_cannot_reach_someone_who_does_not_fit()
    {
        await _world.SayAsync(_asker, "Muutosneuvottelut alkavat");
        var stranger = _world.Person("Sami Sivullinen");

        var answer = await _world.PressAsync(_asker, _world.LastCardTo(_asker), AskVerbs.Send, new Dictionary<string, string>
        {
            ["helpers"] = stranger.AadObjectId,
            ["problem"] = "salainen",
        });

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(BotText.Get<AskText>("NothingSelected", "fi"), answer.ShownMessage);
        Assert.Empty(_world.SentTo(stranger));
        Assert.Empty(await StorageScan.RowsAsync(_world.App, "HelpRequests"));
    }

    [Fact]
    public async Task Did_it_help_is_asked_a_day_after_an_introduction_and_only_counted_per_cohort()
    {
        var helper = (await SendToAsync(1, "Muutosneuvottelut"))[0];
        await _world.PressAsync(helper, _world.LastCardTo(helper), HelpRequestVerbs.Accept);

        _clock.Advance(TimeSpan.FromHours(25));
        await _world.App.SweepAsync();

        var askerQuestion = _world.LastCardTo(_asker);
        var helperQuestion = _world.LastCardTo(helper);
        Assert.NotNull(OnCard.ActionData(askerQuestion, HelpRequestVerbs.Feedback));
        var yes = OnCard.AllActionData(askerQuestion, HelpRequestVerbs.Feedback).Single(data => data["answer"]!.GetValue<string>() == FeedbackAnswers.Yes);
        await _world.PressWithDataAsync(_asker, HelpRequestVerbs.Feedback, yes);
        await _world.PressWithDataAsync(_asker, HelpRequestVerbs.Feedback, yes);
        await _world.PressWithDataAsync(helper, HelpRequestVerbs.Feedback, OnCard.AllActionData(helperQuestion, HelpRequestVerbs.Feedback).Single(data => data["answer"]!.GetValue<string>() == FeedbackAnswers.No));

        var counts = await StorageScan.RowsAsync(_world.App, "FeedbackCounts");
        Assert.Equal(2, counts.Sum(row => row.GetInt32("Count")));
        Assert.Equal(1, counts.Single(row => row.RowKey == FeedbackAnswers.Yes).GetInt32("Count"));
        Assert.Equal(1, counts.Single(row => row.RowKey == FeedbackAnswers.No).GetInt32("Count"));
        Assert.Equal(["Count"], counts.SelectMany(row => row.Keys).Where(key => key is not ("PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")).Distinct());
    }

    [Fact]
    public async Task The_asker_and_the_helper_answering_did_it_help_at_once_are_both_counted()
    {
        var helper = (await SendToAsync(1, "Muutosneuvottelut"))[0];
        await _world.PressAsync(helper, _world.LastCardTo(helper), HelpRequestVerbs.Accept);
        _clock.Advance(TimeSpan.FromHours(25));
        await _world.App.SweepAsync();

        await Task.WhenAll(
            _world.PressWithDataAsync(_asker, HelpRequestVerbs.Feedback, OnCard.AllActionData(_world.LastCardTo(_asker), HelpRequestVerbs.Feedback)[0]),
            _world.PressWithDataAsync(helper, HelpRequestVerbs.Feedback, OnCard.AllActionData(_world.LastCardTo(helper), HelpRequestVerbs.Feedback)[0]));

        Assert.Equal(2, (await StorageScan.RowsAsync(_world.App, "FeedbackCounts")).Sum(row => row.GetInt32("Count")));
    }

    [Fact]
    public async Task Closed_requests_are_deleted_after_the_retention_period()
    {
        var helper = (await SendToAsync(1, "Muutosneuvottelut"))[0];
        await _world.PressAsync(helper, _world.LastCardTo(helper), HelpRequestVerbs.Accept);

        _clock.Advance(TimeSpan.FromDays(29));
        await _world.App.SweepAsync();
        Assert.NotEmpty(await StorageScan.RowsAsync(_world.App, "HelpRequests"));
        _clock.Advance(TimeSpan.FromDays(2));
        await _world.App.SweepAsync();

        Assert.Empty(await StorageScan.RowsAsync(_world.App, "HelpRequests"));
        Assert.Empty(await StorageScan.RowsAsync(_world.App, "PersonRequests"));
    }

    [Fact]
    public async Task Mentioned_with_a_problem_in_a_group_the_bot_moves_to_the_1_1_chat_without_repeating_the_text()
    {
        const string Problem = "Muutosneuvottelut painavat, miten jaksaa";
        var groupBefore = _world.SentTo(_world.GroupChatId).Count;

        await _world.SayAsync(_asker, Problem, inGroup: true);

        var inGroup = Assert.Single(_world.SentTo(_world.GroupChatId).Skip(groupBefore));
        Assert.Equal(BotText.Get<AskText>("MovedToPrivate", "fi"), inGroup.Text);
        Assert.Null(inGroup.Attachments);
        var privately = _world.LastCardTo(_asker);
        Assert.False(OnCard.Shows(privately, Problem));
        Assert.NotEmpty(SuggestedKeys(privately));
    }

    [Fact]
    public async Task Forgetting_a_helper_closes_their_open_request_and_tells_the_asker_neutrally()
    {
        var helper = (await SendToAsync(1, "Muutosneuvottelut"))[0];
        var askerBefore = _world.SentTo(_asker).Count;

        await _world.SayAsync(helper, "unohda minut");
        await _world.PressAsync(helper, _world.LastCardTo(helper), "forget.confirm");

        var told = Assert.Single(_world.SentTo(_asker).Skip(askerBefore)).SingleCard();
        Assert.False(OnCard.Shows(told, helper.Name));
        Assert.Empty(await StorageScan.RowsMentioningAsync(_world.App, helper.AadObjectId, helper.Name, helper.UserId, helper.Upn));
    }

    private async Task<TeamsPerson[]> SendToAsync(int count, string problem)
    {
        await _world.SayAsync(_asker, problem);
        var askCard = _world.LastCardTo(_asker);
        var chosen = _helpers.Where(helper => SuggestedKeys(askCard).Contains(helper.AadObjectId)).Take(count).ToArray();
        Assert.Equal(count, chosen.Length);
        var sent = await _world.PressAsync(_asker, askCard, AskVerbs.Send, new Dictionary<string, string>
        {
            ["helpers"] = string.Join(',', chosen.Select(helper => helper.AadObjectId)),
            ["problem"] = problem,
            ["share"] = ShareChoices.Text,
        });
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        _waiting = sent.Card;
        return chosen;
    }

    private static List<string> SuggestedKeys(JsonElement askCard) =>
        [.. (OnCard.ActionData(askCard, AskVerbs.SendAll)?["suggested"]?.GetValue<string>() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)];
}
