using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using PeerSupportBot.Asking;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Outbox;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PeerSupportBot.Tests.Teams;

/// <summary>
/// No slow work inside a turn: every proactive post goes through the durable outbox, and each is
/// delivered once, whatever Teams answers. Through POST /api/messages, with Azurite's table and
/// queue services behind it and a fake connector that keeps Teams' rules.
/// </summary>
public sealed class OutboxTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Problem = "Miten kerron tiimille irtisanomisista, kun en itsekään tiedä kaikkea?";

    private readonly TeamsWorld _world = new();
    private TeamsPerson _asker = null!;
    private TeamsPerson[] _helpers = null!;

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        (_asker, _helpers) = await _world.AskerAndHelpersAsync(3, "change-negotiations");
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Asking_all_answers_before_Teams_has_accepted_a_single_post_and_the_cards_follow()
    {
        await _world.SayAsync(_asker, "Muutosneuvottelut alkavat ensi viikolla");
        var askCard = _world.LastCardTo(_asker);
        _world.Connector.Rules.PostDelay = TimeSpan.FromSeconds(4);
        _world.App.WaitsForOutbox = false;
        var answeredBefore = _world.Connector.Rules.PostsAnswered;

        var clock = Stopwatch.StartNew();
        var sent = await _world.PressAsync(_asker, askCard, AskVerbs.SendAll, new Dictionary<string, string> { ["problem"] = Problem, ["share"] = ShareChoices.Text });
        var answeredAfter = clock.Elapsed;
        var answeredMeanwhile = _world.Connector.Rules.PostsAnswered - answeredBefore;

        // Every post takes Teams 4 s, so a turn that waited for even one could not answer before it.
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.True(OnCard.Shows(sent.Card, _helpers[0].Name));
        Assert.Equal(0, answeredMeanwhile);
        output.WriteLine($"The send turn answered in {answeredAfter.TotalMilliseconds:F0} ms with each post taking 4 s.");

        await _world.App.OutboxDrainedAsync(TimeSpan.FromSeconds(60));
        foreach (var helper in _helpers)
        {
            Assert.Single(RequestCardsTo(helper));
        }
    }

    [Fact]
    public async Task A_storm_of_429s_delivers_each_card_exactly_once()
    {
        var attempts = new Dictionary<string, int>(StringComparer.Ordinal);
        var teams = _world.Connector.Respond!;
        _world.Connector.Respond = request =>
        {
            if (request.Method == "POST" && request.IsActivityWrite && _helpers.Any(helper => request.PathSegments.Contains(helper.PersonalConversationId)))
            {
                lock (attempts)
                {
                    // More 429s than the connector's own retries take: the outbox tries again later.
                    attempts[request.PathOnly] = attempts.GetValueOrDefault(request.PathOnly) + 1;
                    if (attempts[request.PathOnly] <= 5)
                    {
                        return new FakeResponse(429, """{"error":{"code":"Throttled"}}""", new Dictionary<string, string> { ["Retry-After"] = "0" });
                    }
                }
            }

            return teams(request);
        };

        await SendToAllAsync();

        foreach (var helper in _helpers)
        {
            Assert.Single(RequestCardsTo(helper));
        }

        Assert.All(attempts.Values, count => Assert.Equal(6, count));
    }

    [Fact]
    public async Task A_burst_of_posts_into_one_conversation_waits_its_turn_and_each_card_arrives_once()
    {
        // Ten requests for one helper at once, from ten askers: the limit is on the helper's chat.
        var helper = _helpers[0];
        var askers = new List<TeamsPerson>();
        var code = await _world.CohortAsync(_world.Person("Toinen Kouluttaja"), "Iso ryhmä");
        await _world.JoinAsync(helper, code, "change-negotiations");
        for (var i = 0; i < 10; i++)
        {
            var asker = _world.Person($"Kysyjä {i}");
            await _world.JoinAsync(asker, code, "wellbeing");
            askers.Add(asker);
        }

        await _world.SayAsync(helper, "tauko");
        await _world.PressAsync(helper, _world.LastCardTo(helper), PeerSupportBot.Consent.ConsentVerbs.SaveAvailability, new Dictionary<string, string> { ["pause"] = PeerSupportBot.Consent.PauseChoices.None, ["cap"] = "10" });

        // The ten requests wait in the queue while no instance delivers, then go out in one burst.
        await _world.RestartAsync(runSweep: true, runOutbox: false);
        foreach (var asker in askers)
        {
            await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla");
            await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.Send, new Dictionary<string, string> { ["helpers"] = helper.AadObjectId });
        }

        var started = Stopwatch.StartNew();
        await _world.RestartAsync(runSweep: true);
        await _world.App.OutboxDrainedAsync(TimeSpan.FromSeconds(60));

        var requests = RequestCardsTo(helper);
        Assert.Equal(10, requests.Count);
        Assert.Equal(10, requests.Select(card => OnCard.ActionData(card, HelpRequestVerbs.Accept)?["requestId"]?.GetValue<string>()).Distinct().Count());
        // Not gated: on a loaded machine a post can still meet Teams' window edge, and is then retried.
        output.WriteLine($"Ten posts into one chat took {started.Elapsed.TotalMilliseconds:F0} ms; Teams refused {_world.Connector.Rules.Throttled} with 429.");
    }

    [Fact]
    public async Task Two_instances_sharing_one_queue_post_each_card_once()
    {
        var askers = new[] { _asker, _world.Person("Toinen Kysyjä"), _world.Person("Kolmas Kysyjä") };
        var code = await _world.CohortAsync(_world.Person("Toinen Kouluttaja"), "Jaettu ryhmä");
        foreach (var person in askers.Skip(1))
        {
            await _world.JoinAsync(person, code, "wellbeing");
        }

        foreach (var helper in _helpers)
        {
            await _world.JoinAsync(helper, code, "change-negotiations");
        }

        await _world.RestartAsync(runSweep: true, runOutbox: false);
        foreach (var asker in askers)
        {
            await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla");
            await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.SendAll, new Dictionary<string, string> { ["problem"] = Problem, ["share"] = ShareChoices.Text });
        }

        await _world.RestartAsync(runSweep: true);
        await using var second = _world.SecondInstance();
        _ = second.Services;
        await _world.App.OutboxDrainedAsync(TimeSpan.FromSeconds(60));

        foreach (var helper in _helpers)
        {
            var requests = RequestCardsTo(helper);
            Assert.Equal(askers.Length, requests.Count);
            Assert.Equal(askers.Length, requests.Select(card => OnCard.ActionData(card, HelpRequestVerbs.Accept)?["requestId"]?.GetValue<string>()).Distinct().Count());
        }
    }

    [Fact]
    public async Task A_post_that_keeps_failing_is_tried_a_bounded_number_of_times_and_the_asker_is_offered_others()
    {
        var failing = _helpers[0];
        var teams = _world.Connector.Respond!;
        _world.Connector.Respond = request => request.Method == "POST" && request.PathSegments.Contains(failing.PersonalConversationId)
            ? new FakeResponse(500, """{"error":{"code":"ServiceError"}}""")
            : teams(request);
        await _world.SayAsync(_asker, "Muutosneuvottelut alkavat ensi viikolla");
        var before = _world.PostsTo(failing);

        await _world.PressAsync(_asker, _world.LastCardTo(_asker), AskVerbs.Send, new Dictionary<string, string> { ["helpers"] = failing.AadObjectId });

        var attempts = _world.PostsTo(failing) - before;
        Assert.Equal(_world.App.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboxOptions>>().Value.MaxAttempts, attempts);
        Assert.True(OnCard.Shows(_world.LastCardTo(_asker), BotText.Get<AskText>("NextTitle", "fi")));
        await _world.SayAsync(_asker, "Muutosneuvottelut alkavat ensi viikolla");
        Assert.DoesNotContain(failing.AadObjectId, OnCard.ActionData(_world.LastCardTo(_asker), AskVerbs.SendAll)?["suggested"]?.GetValue<string>() ?? "");
    }

    [Fact]
    public async Task The_same_effect_queued_twice_is_posted_once()
    {
        await SendToAllAsync();
        var request = RequestCardsTo(_helpers[0]).Single();
        var requestId = OnCard.ActionData(request, HelpRequestVerbs.Accept)!["requestId"]!.GetValue<string>();
        var outbox = _world.App.Services.GetRequiredService<OutboxQueue>();

        // As a second delivery of the queue message, or two instances doing the same, would.
        await outbox.EnqueueAsync(HelpRequestPosts.RequestTo(requestId, _helpers[0].AadObjectId), "toinen teksti", CancellationToken.None);
        await outbox.EnqueueAsync(HelpRequestPosts.RequestTo(requestId, _helpers[0].AadObjectId), "toinen teksti", CancellationToken.None);
        await _world.App.OutboxDrainedAsync(TimeSpan.FromSeconds(30));

        Assert.Single(RequestCardsTo(_helpers[0]));
    }

    [Fact]
    public async Task What_the_asker_shares_waits_sealed_in_the_queue_and_goes_out_when_an_instance_delivers()
    {
        const string Marker = "MARKER-7f3c1e-luottamuksellinen";
        await _world.SayAsync(_asker, "Muutosneuvottelut alkavat ensi viikolla");
        var askCard = _world.LastCardTo(_asker);
        await _world.RestartAsync(runSweep: true, runOutbox: false);

        await _world.PressAsync(_asker, askCard, AskVerbs.SendAll, new Dictionary<string, string> { ["problem"] = Marker, ["share"] = ShareChoices.Text });

        var queue = _world.App.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(_world.App.Services.GetRequiredService<OutboxQueue>().Name);
        var waiting = (await queue.PeekMessagesAsync(32)).Value;
        Assert.Equal(_helpers.Length, waiting.Length);
        Assert.All(waiting, message =>
        {
            var body = message.Body.ToString();
            Assert.DoesNotContain(Marker, body, StringComparison.Ordinal);
            Assert.DoesNotContain(_asker.Name, body, StringComparison.Ordinal);
            Assert.Contains("\"sealed\"", body, StringComparison.Ordinal);
        });
        Assert.DoesNotContain(_world.Connector.SentActivities, activity => activity.Attachments is { Count: > 0 } && OnCard.Shows(activity.SingleCard(), Marker));

        // Another instance (after a restart, or a second process) delivers what was queued.
        await _world.RestartAsync(runSweep: true);
        await _world.App.OutboxDrainedAsync(TimeSpan.FromSeconds(30));

        Assert.All(_helpers, helper => Assert.True(OnCard.Shows(RequestCardsTo(helper).Single(), Marker)));
        Assert.Empty((await queue.PeekMessagesAsync(32)).Value);
        Assert.Empty(await StorageScan.RowsMentioningAsync(_world.App, Marker));
        Assert.DoesNotContain(_world.App.Logs.GetSnapshot(), line => line.Message.Contains(Marker, StringComparison.Ordinal));
    }

    private async Task SendToAllAsync()
    {
        await _world.SayAsync(_asker, "Muutosneuvottelut alkavat ensi viikolla");
        var sent = await _world.PressAsync(_asker, _world.LastCardTo(_asker), AskVerbs.SendAll, new Dictionary<string, string> { ["problem"] = Problem, ["share"] = ShareChoices.Text });
        Assert.Equal(HttpStatusCode.OK, sent.Status);
    }

    private List<JsonElement> RequestCardsTo(TeamsPerson helper) =>
        [.. _world.SentTo(helper)
            .Where(activity => activity.Attachments is { Count: > 0 })
            .Select(activity => activity.SingleCard())
            .Where(card => OnCard.ActionData(card, HelpRequestVerbs.Accept) is not null)];
}
