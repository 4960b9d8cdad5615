using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.Asking;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Tests.Infrastructure;
using Xunit.Abstractions;

using PeerSupportBot.Tests.Fuzzing;

namespace PeerSupportBot.Tests.Faults;

/// <summary>
/// The built bot as a real process, killed between "request sent" and "accepted" with one
/// request card still on its way to Teams, then started again (in memory, on a clock the test
/// moves) on the same tables and queue: the undelivered card arrives once, the delivered one is
/// not posted again, an accept introduces, an expiry tells the asker, and the follow-up comes.
/// </summary>
// Bot processes on 2 cores: alone, so that no other test's load pushes a turn past its budget.
[Collection(RunsAlone.Name)]
public sealed class RestartTests : IAsyncLifetime
{
    private const string Delivered = "Miten kerron tiimille irtisanomisista ennen kuin tiedän kaiken?";
    private const string OnItsWay = "Muutosneuvottelut ja oma jaksaminen, kuka on kokenut saman?";

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    // A short hiding time, so the killed process's message is visible again in seconds.
    private readonly TeamsWorld _world;

    private readonly ITestOutputHelper _output;

    public RestartTests(ITestOutputHelper output)
    {
        _output = output;
        _world = new TeamsWorld(new Dictionary<string, string?> { ["Outbox:VisibilityTimeout"] = "00:00:03" }, _clock, runSweep: false);
    }

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Killed_between_sent_and_accepted_the_bot_carries_on_after_a_restart()
    {
        var code = await _world.CohortAsync(_world.Person("Kaisa Kouluttaja"), "Esihenkilövalmennus");
        var (firstAsker, secondAsker) = (_world.Person("Aino Esihenkilö"), _world.Person("Outi Odottaja"));
        var (helper, stalled) = (_world.Person("Helmi Auttaja"), _world.Person("Heikki Neuvoja"));
        foreach (var asker in new[] { firstAsker, secondAsker })
        {
            await _world.JoinAsync(asker, code, "wellbeing");
        }

        await _world.JoinAsync(helper, code, "change-negotiations");
        await _world.JoinAsync(stalled, code, "change-negotiations");

        // The in-memory bot steps aside (it starts again only when used); the process takes over.
        await _world.RestartAsync(runSweep: false);
        await using var process = await BotProcess.StartAsync(_world.App.Settings, TimeSpan.FromSeconds(90));
        _world.Via = process;
        var stalling = true;
        var stalledPost = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _world.Connector.Delay = request =>
        {
            if (!stalling || !request.IsActivityWrite || !request.PathSegments.Contains(stalled.PersonalConversationId))
            {
                return TimeSpan.Zero;
            }

            stalledPost.TrySetResult();
            return TimeSpan.FromMinutes(5);
        };

        await SendAsync(firstAsker, helper, "Muutosneuvottelut alkavat ensi viikolla", Delivered);
        Assert.True(OnCard.Shows(_world.LastCardTo(helper), Delivered));
        process.WaitsForOutbox = false;
        await SendAsync(secondAsker, stalled, "Muutosneuvottelut alkavat ensi viikolla", OnItsWay);
        await stalledPost.Task.WaitAsync(TimeSpan.FromSeconds(60));

        await process.KillAsync();
        stalling = false;
        _world.Via = null;
        Assert.Empty(RequestCardsTo(stalled));
        var abandoned = _world.Connector.Abandoned;
        // The restarted instance's clock starts after everything the killed one did.
        _clock.SetUtcNow(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(1));

        // Started again: the card the killed process was posting arrives, once, with the asker's text.
        _ = _world.App.Services;
        await _world.Connector.WaitForRequestAsync(request => request.IsActivityWrite && request.PathSegments.Contains(stalled.PersonalConversationId), TimeSpan.FromSeconds(60));
        await _world.App.OutboxDrainedAsync(TimeSpan.FromSeconds(60));
        Assert.True(OnCard.Shows(Assert.Single(RequestCardsTo(stalled)), OnItsWay));
        Assert.Single(RequestCardsTo(helper));

        // An accept after the restart introduces.
        var firstBefore = _world.SentTo(firstAsker).Count;
        var accepted = await _world.PressAsync(helper, _world.LastCardTo(helper), HelpRequestVerbs.Accept);
        Assert.Contains(OnCard.Links(accepted.Card), link => link.Contains("/l/chat/", StringComparison.Ordinal));
        Assert.Contains(OnCard.Links(Assert.Single(_world.SentTo(firstAsker).Skip(firstBefore)).SingleCard()), link => link.Contains(Uri.EscapeDataString(helper.Upn), StringComparison.Ordinal));

        // A day on: the unanswered request expires and its asker is told; the introduced pair is asked how it went.
        var secondBefore = _world.SentTo(secondAsker).Count;
        _clock.Advance(TimeSpan.FromHours(25));
        await _world.App.SweepAsync();
        var offer = Assert.Single(_world.SentTo(secondAsker).Skip(secondBefore)).SingleCard();
        Assert.True(OnCard.Shows(offer, BotText.Get<AskText>("NextTitleExpired", "fi")));
        Assert.Single(_world.UpdatedCardsTo(stalled));
        Assert.Contains(_world.SentTo(firstAsker).Skip(firstBefore + 1), activity => activity.Attachments is { Count: > 0 } && OnCard.ActionData(activity.SingleCard(), HelpRequestVerbs.Feedback) is not null);
        _output.WriteLine($"Killed with {abandoned} post(s) in flight; after the restart every card arrived once.");
    }

    private async Task SendAsync(TeamsPerson asker, TeamsPerson helper, string ask, string shared)
    {
        await _world.SayAsync(asker, ask);
        var answer = await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.Send, new Dictionary<string, string>
        {
            ["helpers"] = helper.AadObjectId,
            ["problem"] = shared,
            ["share"] = ShareChoices.Text,
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, answer.Status);
    }

    private List<JsonElement> RequestCardsTo(TeamsPerson helper) =>
        [.. _world.SentTo(helper)
            .Where(activity => activity.Attachments is { Count: > 0 })
            .Select(activity => activity.SingleCard())
            .Where(card => OnCard.ActionData(card, HelpRequestVerbs.Accept) is not null)];
}
