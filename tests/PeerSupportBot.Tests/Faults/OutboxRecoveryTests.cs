using PeerSupportBot.Asking;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Faults;

/// <summary>
/// Deliveries that storage disturbs carry on at once: the card goes out, once, on the next attempt,
/// instead of after the queue's five-minute visibility timeout.
/// </summary>
public sealed class OutboxRecoveryTests : IAsyncLifetime
{
    private readonly FailingStorage _storage = new();
    private TeamsWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = new TeamsWorld(configureServices: _storage.Install);
        await _world.InitializeAsync();
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task A_request_card_whose_delivery_storage_failed_reaches_the_helper_once_on_the_next_attempt()
    {
        var (asker, helpers) = await _world.AskerAndHelpersAsync(1, "change-negotiations");
        var helper = helpers[0];
        await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla, miten kerron tiimille?");
        var cardsBefore = _world.SentTo(helper).Count;

        // The worker reads the helper's profile (for their language) before it posts; that read fails once.
        _storage.FailInBackground(1, request => request.Contains("Profiles(", StringComparison.Ordinal));
        // PressAsync returns once the outbox has drained, and gives up after 30 s: far less than the visibility timeout.
        await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.Send, new Dictionary<string, string> { ["helpers"] = helper.AadObjectId });

        Assert.Equal(0, _storage.BackgroundFailuresLeft);
        var requestCards = _world.SentTo(helper).Skip(cardsBefore)
            .Where(activity => activity.Attachments is { Count: > 0 } && OnCard.ActionData(activity.SingleCard(), HelpRequestVerbs.Accept) is not null)
            .ToList();
        Assert.Single(requestCards);
    }

    [Fact]
    public async Task A_delivery_claim_whose_write_landed_before_the_SDK_sent_it_again_is_still_that_deliverys()
    {
        var (asker, helpers) = await _world.AskerAndHelpersAsync(1, "change-negotiations");
        var helper = helpers[0];
        await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla, miten kerron tiimille?");
        var cardsBefore = _world.SentTo(helper).Count;

        // The claim's insert reaches storage, its answer is lost, and the SDK's retry meets the row the first try wrote.
        _storage.LoseNextResponseOutsideTurnsTo("OutboxDeliveries");
        await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.Send, new Dictionary<string, string> { ["helpers"] = helper.AadObjectId });

        Assert.True(_storage.Failed);
        Assert.Single(_world.SentTo(helper).Skip(cardsBefore), activity => activity.Attachments is { Count: > 0 } && OnCard.ActionData(activity.SingleCard(), HelpRequestVerbs.Accept) is not null);
    }
}
