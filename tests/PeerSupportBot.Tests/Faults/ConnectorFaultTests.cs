using System.Collections.Concurrent;
using System.Text.Json;
using PeerSupportBot.Asking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Outbox;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PeerSupportBot.Tests.Faults;

/// <summary>
/// Teams misbehaving at the outbox: bursts of 429 with Retry-After, 500s, posts that take longer
/// than the bot waits, and 403s. Each post reaches its person once, or the person waiting is
/// told; attempts are bounded; no card is posted twice. Counted at the fake connector.
/// </summary>
public sealed class ConnectorFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    // Each conversation's first posts fail; more than the connector's own retries (3), fewer than the outbox's deliveries (5).
    private const int Burst = 4;

    private readonly TeamsWorld _world = new(new Dictionary<string, string?>
    {
        ["Connector:AttemptTimeout"] = "00:00:01",
        ["Connector:TotalTimeout"] = "00:00:04",
    });

    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _faulty = new(StringComparer.Ordinal);
    private TeamsPerson _asker = null!;
    private TeamsPerson[] _helpers = null!;

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        var code = await _world.CohortAsync(_world.Person("Kaisa Kouluttaja"), "Esihenkilövalmennus");
        _asker = _world.Person("Aino Esihenkilö");
        await _world.JoinAsync(_asker, code, "wellbeing");
        _helpers = [_world.Person("Helmi Auttaja"), _world.Person("Heikki Neuvoja", "en-US")];
        foreach (var helper in _helpers)
        {
            await _world.JoinAsync(helper, code, "change-negotiations", "fi,en");
        }
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Theory]
    [InlineData("429")]
    [InlineData("500")]
    [InlineData("timeout")]
    public async Task Passing_faults_on_every_conversation_deliver_each_card_and_the_introduction_exactly_once(string fault)
    {
        var askCard = await AskAsync();
        Inject(fault);
        lock (_faulty)
        {
            _faulty.UnionWith(_helpers.Select(helper => helper.PersonalConversationId));
        }


        await SendToBothAsync(askCard);
        var requestId = Assert.Single(RequestCardsTo(_helpers[0]));
        Assert.Equal([requestId], RequestCardsTo(_helpers[1]));

        lock (_faulty)
        {
            _faulty.Add(_asker.PersonalConversationId);
        }

        var otherBefore = _world.SentTo(_helpers[1]).Count;
        var accepted = await _world.PressAsync(_helpers[0], _world.LastCardTo(_helpers[0]), HelpRequestVerbs.Accept);
        await _world.App.OutboxDrainedAsync(TimeSpan.FromSeconds(90));

        Assert.Contains(OnCard.Links(accepted.Card), link => link.Contains("/l/chat/", StringComparison.Ordinal));
        Assert.Single(Introductions());
        // The other helper's card is replaced once (Teams accepted one update, whatever it refused before).
        Assert.Single(_world.SentTo(_helpers[1]).Skip(otherBefore));
        var bound = Bound();
        Assert.All(_attempts, pair => Assert.InRange(pair.Value, 1, bound));
        output.WriteLine($"{fault}: attempts per post {string.Join(", ", _attempts.Values)} (bound {bound}); Teams saw {_world.Connector.Requests.Count(request => request.IsActivityWrite)} activity writes, {_world.Connector.Abandoned} abandoned.");
    }

    [Fact]
    public async Task A_403_is_final_after_one_attempt_and_the_asker_is_offered_someone_else()
    {
        var refusing = _helpers[1];
        _world.Connector.Respond = Scripted(_world.Connector.Respond!, request =>
            request.PathSegments.Contains(refusing.PersonalConversationId) && request.IsActivityWrite
                ? new FakeResponse(403, """{"error":{"code":"ForbiddenOperationException","message":"The bot is not part of the conversation roster."}}""")
                : null);
        var askCard = await AskAsync();
        var askerBefore = _world.SentTo(_asker).Count;
        var postsBefore = _world.PostsTo(refusing);

        await SendToBothAsync(askCard);

        Assert.Single(RequestCardsTo(_helpers[0]));
        Assert.Equal(1, _world.PostsTo(refusing) - postsBefore);
        var offer = Assert.Single(_world.SentTo(_asker).Skip(askerBefore)).SingleCard();
        Assert.True(OnCard.Shows(offer, BotText.Get<AskText>("NextTitleUnreachable", "fi")));
        Assert.False(OnCard.Shows(offer, refusing.Name));
    }

    private async Task<JsonElement> AskAsync()
    {
        await _world.SayAsync(_asker, "Muutosneuvottelut alkavat ensi viikolla, miten kerron tiimille?");
        return _world.LastCardTo(_asker);
    }

    private async Task SendToBothAsync(JsonElement askCard)
    {
        await _world.PressAsync(_asker, askCard, AskVerbs.Send, new Dictionary<string, string>
        {
            ["helpers"] = string.Join(',', _helpers.Select(helper => helper.AadObjectId)),
            ["problem"] = "Miten kerron irtisanomisista?",
            ["share"] = ShareChoices.Text,
        });
        await _world.App.OutboxDrainedAsync(TimeSpan.FromSeconds(90));
    }

    /// <summary>The first <see cref="Burst"/> attempts at each post into a conversation in <see cref="_faulty"/> fail as <paramref name="fault"/> says.</summary>
    private void Inject(string fault)
    {
        bool Failing(RecordedRequest request, out int attempt)
        {
            attempt = 0;
            lock (_faulty)
            {
                if (!request.IsActivityWrite || !_faulty.Any(request.PathSegments.Contains))
                {
                    return false;
                }
            }

            attempt = _attempts.AddOrUpdate(PostOf(request), 1, (_, count) => count + 1);
            return attempt <= Burst;
        }

        if (fault == "timeout")
        {
            // Longer than Connector:AttemptTimeout: the bot gives up on it, so Teams never took it.
            _world.Connector.Delay = request => Failing(request, out _) ? TimeSpan.FromSeconds(30) : TimeSpan.Zero;
            return;
        }

        var status = int.Parse(fault, System.Globalization.CultureInfo.InvariantCulture);
        _world.Connector.Respond = Scripted(_world.Connector.Respond!, request => Failing(request, out _)
            ? new FakeResponse(status, status == 429 ? """{"error":{"code":"Throttled"}}""" : """{"error":{"code":"ServiceError"}}""", status == 429 ? new Dictionary<string, string> { ["Retry-After"] = "1" } : null)
            : null);
    }

    private static Func<RecordedRequest, FakeResponse?> Scripted(Func<RecordedRequest, FakeResponse?> teams, Func<RecordedRequest, FakeResponse?> fault) =>
        request => fault(request) ?? teams(request);

    // One post: its conversation, and for an update its activity; a send's body names its kind by its card.
    private static string PostOf(RecordedRequest request) => request.Method + " " + request.PathOnly;

    // The connector tries each delivery MaxRetries + 1 times; the outbox delivers at most MaxAttempts times.
    private int Bound() => (3 + 1) * _world.App.Services.GetRequiredService<IOptions<OutboxOptions>>().Value.MaxAttempts;

    private IReadOnlyList<string> RequestCardsTo(TeamsPerson helper) =>
        [.. _world.SentTo(helper)
            .Where(activity => activity.Attachments is { Count: > 0 })
            .Select(activity => OnCard.ActionData(activity.SingleCard(), HelpRequestVerbs.Accept)?["requestId"]?.GetValue<string>())
            .OfType<string>()];

    private IReadOnlyList<JsonElement> Introductions() =>
        [.. _world.SentTo(_asker)
            .Where(activity => activity.Attachments is { Count: > 0 })
            .Select(activity => activity.SingleCard())
            .Where(card => OnCard.Links(card).Any(link => link.Contains("/l/chat/", StringComparison.Ordinal)))];
}
