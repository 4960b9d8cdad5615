using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.Asking;
using PeerSupportBot.Cohorts;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Outbox;
using PeerSupportBot.Storage;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Storage;

/// <summary>
/// Table requests per ask and per whole flow (ask → request to two → one decline → one accept →
/// introduction), through POST /api/messages with Azurite and the fake connector, for cohorts of
/// 10, 100 and 1,000 members. The counts are exact and the same for every size: a match reads
/// the asker's memberships, their cohort's partition and their pair history, and nothing per
/// candidate (docs/storage.md, "Requests per flow"). The outbox is delivered by hand after each
/// turn, so the turn's requests and its posts' are counted apart.
/// </summary>
public sealed class RequestsPerAskTests
{
    private const string Cohort = "Esihenkilövalmennus kevät 2027";
    private const string Topic = "change-negotiations";

    // 1 (the asker's memberships) + 1 (their one cohort's partition) + 1 (their pair history).
    private const int MatchReads = 3;

    // The whole flow's four turns, in table transactions (a batch is one); the outbox's deliveries are counted apart.
    private const int MaxFlowTransactions = 12;

    // Per step: the ask, the send, its two request cards delivered, the decline, nothing to
    // deliver, the accept, the introduction delivered. docs/storage.md explains each number.
    private static readonly int[] ExpectedTransactions = [1, 3, 4, 1, 0, 4, 2];
    private static readonly int[] ExpectedRequests = [4, 11, 22, 3, 0, 11, 10];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 2, 8, 8, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(10)]
    [InlineData(100)]
    [InlineData(1000)]
    public async Task An_ask_and_the_whole_flow_send_the_same_requests_whatever_the_cohort_size(int members)
    {
        var world = new TeamsWorld(clock: _clock, runSweep: false, runOutbox: false);
        await world.InitializeAsync();
        try
        {
            var (asker, helpers) = await CohortOfAsync(world, members);
            using var requests = new TableRequests(world.App);

            await world.SayAsync(asker, "Onko joku käynyt muutosneuvottelut läpi, miten kerron tiimille?");
            var ask = requests.Next();
            var askCard = world.LastCardTo(asker);
            Assert.Equal(3, SuggestedCount(askCard));
            Assert.True(ask.To("query", "PersonCohorts") + ask.To("query", "CohortMembers") + ask.To("query", "PairHistory") == MatchReads, ask.ToString());
            // Nothing per candidate, and not even the asker's contact: their join stored it moments ago, from the same chat.
            Assert.True(ask.To("read", "Contacts") == 0 && ask.To("read", "Profiles") == 0 && ask.To("read", "CohortMembers") == 0, ask.ToString());
            Assert.True(ask.Requests == MatchReads + 1, ask.ToString());

            var sent = await world.PressAsync(asker, askCard, AskVerbs.Send, new Dictionary<string, string>
            {
                ["helpers"] = string.Join(',', helpers.Select(helper => helper.AadObjectId)),
                ["problem"] = "Miten kerron tiimille?",
                ["share"] = ShareChoices.Text,
            });
            Assert.Equal(HttpStatusCode.OK, sent.Status);
            var send = requests.Next();
            await DeliverOutboxAsync(world.App);
            var cards = requests.Next();

            var declined = await world.PressAsync(helpers[0], world.LastCardTo(helpers[0]), HelpRequestVerbs.Decline);
            var decline = requests.Next();
            await DeliverOutboxAsync(world.App);
            var afterDecline = requests.Next();

            var accepted = await world.PressAsync(helpers[1], world.LastCardTo(helpers[1]), HelpRequestVerbs.Accept);
            var accept = requests.Next();
            await DeliverOutboxAsync(world.App);
            var introduction = requests.Next();

            Assert.Equal(HttpStatusCode.OK, declined.Status);
            Assert.Equal(HttpStatusCode.OK, accepted.Status);
            Assert.True(OnCard.Shows(world.LastCardTo(asker), helpers[1].Name));
            var steps = new[] { ask, send, cards, decline, afterDecline, accept, introduction };
            var report = string.Join(Environment.NewLine, steps.Select((step, index) => $"{index}: {step.Transactions} transactions, {step.Requests} requests: {step}"));

            // The same numbers for 10, 100 and 1,000 members: exact, so a request per candidate anywhere fails.
            Assert.True(steps.Select(step => step.Transactions).SequenceEqual(ExpectedTransactions), report);
            Assert.True(steps.Select(step => step.Requests).SequenceEqual(ExpectedRequests), report);
            Assert.True(new[] { ask, send, decline, accept }.Sum(step => step.Transactions) <= MaxFlowTransactions, report);
        }
        finally
        {
            await world.DisposeAsync();
        }
    }

    private static int SuggestedCount(JsonElement askCard) =>
        (OnCard.ActionData(askCard, AskVerbs.SendAll)?["suggested"]?.GetValue<string>() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>
    /// A trainer, the asker and two helpers join through the bot; the rest of the cohort are rows
    /// as the app writes them on consent (reachable, fitting the ask), so the match must look at
    /// every one of them.
    /// </summary>
    private async Task<(TeamsPerson Asker, TeamsPerson[] Helpers)> CohortOfAsync(TeamsWorld world, int members)
    {
        var code = await world.CohortAsync(world.Person("Kaisa Kouluttaja"), Cohort);
        var asker = world.Person("Aino Esihenkilö");
        await world.JoinAsync(asker, code, "wellbeing");
        TeamsPerson[] helpers = [world.Person("Helmi Auttaja"), world.Person("Heikki Neuvoja")];
        foreach (var helper in helpers)
        {
            await world.JoinAsync(helper, code, Topic);
        }

        var cohortId = (await StorageScan.RowsAsync(world.App, "Cohorts")).Single().PartitionKey;
        var table = new TableServiceClient(Azurite.ConnectionString).GetTableClient(world.App.TablePrefix + "CohortMembers");
        var now = _clock.GetUtcNow();
        var others = Enumerable.Range(0, members - 3).Select(index => new TableTransactionAction(TableTransactionActionType.Add, new CohortMemberEntity
        {
            PartitionKey = cohortId,
            RowKey = TableKeys.Encode($"seeded-{index:D4}"),
            PersonKey = $"seeded-{index:D4}",
            Name = $"Esihenkilö {index}",
            JoinedAt = now,
            Topics = Topic,
            Languages = "fi",
            MonthlyCap = 2,
            Reachable = true,
            Shape = CohortMemberEntity.CurrentShape,
        }));
        foreach (var chunk in others.Chunk(100))
        {
            await table.SubmitTransactionAsync(chunk);
        }

        Assert.Equal(members, (await StorageScan.RowsAsync(world.App, "CohortMembers")).Count);
        return (asker, helpers);
    }

    /// <summary>Delivers what the outbox holds, as the worker would, until nothing is left.</summary>
    private static async Task DeliverOutboxAsync(BotApplication app)
    {
        var queue = app.Services.GetRequiredService<OutboxQueue>();
        while (await queue.ReceiveAsync(16, CancellationToken.None) is { Count: > 0 } batch)
        {
            foreach (var message in batch)
            {
                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverAsync(message, CancellationToken.None);
            }
        }
    }
}
