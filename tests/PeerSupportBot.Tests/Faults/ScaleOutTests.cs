using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PeerSupportBot.Contacts;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Matching;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;
using Xunit.Abstractions;

using PeerSupportBot.Tests.Fuzzing;

namespace PeerSupportBot.Tests.Faults;

/// <summary>
/// Two bot processes on one set of tables and one outbox queue. For each of 200 requests, its two
/// helpers press "accept" at the same moment, each on a different process: every request ends
/// with one introduction, one winner, the loser's card closed once, and every help counted.
/// </summary>
// Bot processes on 2 cores: alone, so that no other test's load pushes a turn past its budget.
[Collection(RunsAlone.Name)]
public sealed class ScaleOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Races = 200;

    // Races run this many at a time: enough to collide, few enough that 2 cores answer each turn well inside its budget.
    private const int AtOnce = 8;

    private readonly TeamsWorld _world = new(new Dictionary<string, string?>
    {
        ["Outbox:PostsPerSecondPerConversation"] = "100",
        ["Outbox:RequestsPerSecondPerTenant"] = "1000",
    }, runSweep: false, runOutbox: false);

    private int _toldToTryAgain;

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Two_hundred_accept_races_across_two_processes_each_end_with_exactly_one_introduction()
    {
        _world.Connector.Rules.PostsPerSecond = 1000;
        // Each request card gets an activity id naming its request, so a later update shows which card it closed.
        var teams = _world.Connector.Respond!;
        _world.Connector.Respond = request => request.Method == "POST" && request.IsActivityWrite && request.Body.Contains("request.accept", StringComparison.Ordinal)
            && RequestIdIn(request.Body) is { } id
                ? new FakeResponse(200, $$"""{"id":"card-{{id}}"}""")
                : teams(request);

        await using var first = await BotProcess.StartAsync(_world.App.Settings, TimeSpan.FromSeconds(90));
        await using var second = await BotProcess.StartAsync(_world.App.Settings, TimeSpan.FromSeconds(90));
        _world.Via = first;
        var code = await _world.CohortAsync(_world.Person("Kaisa Kouluttaja"), "Esihenkilövalmennus");
        var asker = _world.Person("Aino Esihenkilö");
        var helpers = new[] { _world.Person("Helmi Auttaja"), _world.Person("Heikki Neuvoja") };
        await _world.JoinAsync(asker, code, "wellbeing");
        foreach (var helper in helpers)
        {
            await _world.JoinAsync(helper, code, "change-negotiations");
        }

        // The 200 requests are made directly (the ask limits would take hours of asking); their cards go out through the processes.
        var requestIds = await SeedRequestsAsync(asker, helpers);
        await DrainedAsync(first, second);
        Assert.All(helpers, helper => Assert.Equal(Races, _world.SentTo(helper).Count(activity => activity.Attachments is { Count: > 0 } && OnCard.ActionData(activity.SingleCard(), HelpRequestVerbs.Accept) is not null)));
        var introductionsBefore = Introductions(asker);
        first.WaitsForOutbox = second.WaitsForOutbox = false;

        using var gate = new SemaphoreSlim(AtOnce);
        var results = await Task.WhenAll(requestIds.Select(async (requestId, i) =>
        {
            await gate.WaitAsync();
            try
            {
                var data = new JsonObject { ["requestId"] = requestId, ["lang"] = "fi" };
                var (onFirst, onSecond) = i % 2 == 0 ? (helpers[0], helpers[1]) : (helpers[1], helpers[0]);
                var answers = await Task.WhenAll(
                    PressUntilAnsweredAsync(onFirst, data, first),
                    PressUntilAnsweredAsync(onSecond, data, second));
                return (RequestId: requestId, Helpers: new[] { onFirst, onSecond }, Answers: answers);
            }
            finally
            {
                gate.Release();
            }
        }));
        await DrainedAsync(first, second);

        var wins = new Dictionary<string, int>(StringComparer.Ordinal);
        var updates = _world.Connector.Requests.Where(request => request.Method == "PUT" && request.IsActivityWrite).Select(request => request.PathSegments[^1]).ToList();
        foreach (var (requestId, pressers, answers) in results)
        {
            Assert.All(answers, answer => Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status));
            var winners = answers.Select((answer, index) => (answer, index)).Where(pair => OnCard.Links(pair.answer.Card).Any(link => link.Contains("/l/chat/", StringComparison.Ordinal))).ToList();
            var winner = pressers[Assert.Single(winners).index];
            wins[winner.AadObjectId] = wins.GetValueOrDefault(winner.AadObjectId) + 1;
            Assert.Single(updates, activityId => activityId == "card-" + requestId);
        }

        Assert.Equal(Races, Introductions(asker) - introductionsBefore);
        Assert.Equal(Races, updates.Count);
        // No lost update: each win counted once on both sides of the pair, by whichever process won it.
        var pairs = await StorageScan.RowsAsync(_world.App, "PairHistory");
        foreach (var helper in helpers)
        {
            var counted = pairs.Where(row => row.RowKey.StartsWith("helped|", StringComparison.Ordinal) && row.GetString("Other") == helper.AadObjectId).Sum(row => row.GetInt32("Count") ?? 0);
            Assert.Equal(wins.GetValueOrDefault(helper.AadObjectId), counted);
        }

        output.WriteLine($"{Races} races across two processes: wins {string.Join(", ", wins.Values)}, {updates.Count} cards closed, {_toldToTryAgain} presses told to try again (and pressed again), 0 lost.");
        output.WriteLine(string.Join('\n', Warnings(first, second).Take(10)));
    }

    /// <summary>Waits for the shared outbox to drain; when it does not, the failure says what the processes warned of.</summary>
    private static async Task DrainedAsync(BotProcess first, BotProcess second)
    {
        try
        {
            await first.OutboxDrainedAsync(TimeSpan.FromSeconds(120));
        }
        catch (TimeoutException stuck)
        {
            throw new TimeoutException($"{stuck.Message} The processes warned:\n{string.Join('\n', Warnings(first, second).Take(20))}", stuck);
        }
    }

    private static IEnumerable<string> Warnings(BotProcess first, BotProcess second) =>
        first.Lines.Select(line => "first: " + line).Concat(second.Lines.Select(line => "second: " + line))
            .Where(line => line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal));

    // A turn that ran out of time on the loaded machine says "try again shortly"; the helper does, as told.
    private async Task<InvokeAnswer> PressUntilAnsweredAsync(TeamsPerson helper, JsonObject data, BotProcess via)
    {
        for (var attempt = 1; ; attempt++)
        {
            var answer = await _world.PressWithDataAsync(helper, HelpRequestVerbs.Accept, data, via: via);
            if (answer.Body?.GetProperty("type").GetString() == "application/vnd.microsoft.card.adaptive" || attempt == 3)
            {
                return answer;
            }

            Interlocked.Increment(ref _toldToTryAgain);
        }
    }

    private async Task<IReadOnlyList<string>> SeedRequestsAsync(TeamsPerson asker, TeamsPerson[] helpers)
    {
        var ids = new List<string>();
        await using var scope = _world.App.Services.CreateAsyncScope();
        var requests = scope.ServiceProvider.GetRequiredService<RequestChanges>();
        var candidates = helpers.Select(helper => new Candidate(helper.AadObjectId, helper.Name, ["change-negotiations"], ["Esihenkilövalmennus"], 1)).ToList();
        for (var i = 0; i < Races; i++)
        {
            var (request, _) = await requests.SendAsync(new Participant(asker.AadObjectId, asker.Name), "fi", ["change-negotiations"], Urgency.ThisWeek, null, candidates, CancellationToken.None);
            ids.Add(request.Id);
        }

        return ids;
    }

    private static string? RequestIdIn(string body)
    {
        var at = body.IndexOf("\"requestId\":\"", StringComparison.Ordinal);
        return at < 0 ? null : body[(at + 13)..body.IndexOf('"', at + 13)];
    }

    private int Introductions(TeamsPerson asker) =>
        _world.SentTo(asker).Count(activity => activity.Attachments is { Count: > 0 } && OnCard.Links(activity.SingleCard()).Any(link => link.Contains("/l/chat/", StringComparison.Ordinal)));
}
