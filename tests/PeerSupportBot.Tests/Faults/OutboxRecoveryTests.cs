using Microsoft.Extensions.DependencyInjection;
using PeerSupportBot.Asking;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Outbox;
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
        var (asker, helper, cardsBefore) = await AskedOfOneHelperAsync();

        // The worker reads the helper's profile (for their language) before it posts; that read fails once.
        _storage.FailInBackground(1, request => request.Contains("Profiles(", StringComparison.Ordinal));
        // PressAsync returns once the outbox has drained, and gives up after 30 s: far less than the visibility timeout.
        await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.Send, new Dictionary<string, string> { ["helpers"] = helper.AadObjectId });

        Assert.Equal(0, _storage.BackgroundFailuresLeft);
        Assert.Single(RequestCardsTo(helper, cardsBefore));
    }

    [Fact]
    public async Task A_delivery_claim_whose_write_landed_before_the_SDK_sent_it_again_is_still_that_deliverys()
    {
        var (asker, helper, _) = await AskedOfOneHelperAsync();
        await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.Send, new Dictionary<string, string> { ["helpers"] = helper.AadObjectId });

        // The introduction's claim reaches storage, its answer is lost, and the SDK's retry meets the row the first try wrote.
        _storage.LoseNextResponseOutsideTurnsTo("OutboxDeliveries");
        await _world.PressAsync(helper, _world.LastCardTo(helper), HelpRequestVerbs.Accept);

        Assert.True(_storage.Failed);
        Assert.Single(_world.SentTo(asker), activity => activity.Attachments is { Count: > 0 } && OnCard.Links(activity.SingleCard()).Any(link => link.Contains("/l/chat/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_request_card_whose_count_storage_failed_after_the_post_is_counted_once_and_posted_once()
    {
        var (asker, helper, cardsBefore) = await AskedOfOneHelperAsync();

        // The card is posted and where it is recorded on the helper's row; then the helper's monthly count fails to write.
        _storage.FailInBackground(1, request => request.StartsWith("PUT ", StringComparison.Ordinal) && request.Contains("CohortMembers(", StringComparison.Ordinal));
        await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.Send, new Dictionary<string, string> { ["helpers"] = helper.AadObjectId });

        Assert.Equal(0, _storage.BackgroundFailuresLeft);
        Assert.Single(RequestCardsTo(helper, cardsBefore));
        var helpersCopies = (await StorageScan.RowsAsync(_world.App, "CohortMembers")).Where(row => row.GetString("PersonKey") == helper.AadObjectId).ToList();
        Assert.NotEmpty(helpersCopies);
        Assert.All(helpersCopies, copy => Assert.Equal(1, copy.GetInt32("AskedInMonth")));
        // A request card keeps no delivery record: where it is stays with the request, which is purged with it.
        Assert.DoesNotContain(await StorageScan.RowsAsync(_world.App, "OutboxDeliveries"), row => row.Any(pair => pair.Value?.ToString() == helper.PersonalConversationId));
    }

    [Fact]
    public async Task A_second_copy_of_a_delivered_request_card_posts_nothing_and_counts_nothing()
    {
        var (asker, helper, cardsBefore) = await AskedOfOneHelperAsync();
        await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.Send, new Dictionary<string, string> { ["helpers"] = helper.AadObjectId });
        var requestId = OnCard.ActionData(RequestCardsTo(helper, cardsBefore).Single().SingleCard(), HelpRequestVerbs.Accept)?["requestId"]?.GetValue<string>();

        // The queue hands the same message out again, as it may once a delivery outlived its visibility.
        await _world.App.Services.GetRequiredService<OutboxQueue>().EnqueueAsync(HelpRequestPosts.RequestTo(requestId!, helper.AadObjectId), null, CancellationToken.None);
        await _world.App.OutboxDrainedAsync(TimeSpan.FromSeconds(30));

        Assert.Single(RequestCardsTo(helper, cardsBefore));
        Assert.All((await StorageScan.RowsAsync(_world.App, "CohortMembers")).Where(row => row.GetString("PersonKey") == helper.AadObjectId), copy => Assert.Equal(1, copy.GetInt32("AskedInMonth")));
    }

    /// <summary>An asker has asked (the card with its suggestion is in the chat); the helper's cards so far are counted.</summary>
    private async Task<(TeamsPerson Asker, TeamsPerson Helper, int CardsBefore)> AskedOfOneHelperAsync()
    {
        var (asker, helpers) = await _world.AskerAndHelpersAsync(1, "change-negotiations");
        await _world.SayAsync(asker, "Muutosneuvottelut alkavat ensi viikolla, miten kerron tiimille?");
        return (asker, helpers[0], _world.SentTo(helpers[0]).Count);
    }

    private IEnumerable<Activity> RequestCardsTo(TeamsPerson helper, int cardsBefore) =>
        _world.SentTo(helper).Skip(cardsBefore)
            .Where(activity => activity.Attachments is { Count: > 0 } && OnCard.ActionData(activity.SingleCard(), HelpRequestVerbs.Accept) is not null);
}
