using Microsoft.Extensions.DependencyInjection;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Outbox;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Teams;

/// <summary>
/// A rolling deployment runs the old version beside the new one on the same queue: what the new
/// one queues, the old one may receive first. Two instances on the same Azurite tables and queue,
/// the older without a kind the newer has, and the fake connector behind both.
/// </summary>
public sealed class RollingDeploymentTests : IAsyncLifetime
{
    private const string NewKind = "greeting-from-a-newer-version";
    private const string Greeting = "Uusi versio tervehtii";
    private const string RetrySoon = "00:00:00.200";

    private readonly TeamsWorld _world = new(new Dictionary<string, string?> { ["Outbox:UnknownKindRetryDelay"] = RetrySoon });

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task A_post_of_a_kind_only_the_newer_instance_knows_waits_for_it_and_goes_out_once()
    {
        var trainer = _world.Person("Kaisa Kouluttaja");
        var person = _world.Person("Helmi Auttaja");
        await _world.JoinAsync(person, await _world.CohortAsync(trainer, "Esihenkilövalmennus syksy 2026"), "change-negotiations");
        var postsBefore = _world.SentTo(person).Count;

        var queue = _world.App.Services.GetRequiredService<OutboxQueue>();
        await queue.EnqueueAsync(new OutboxMessage(OutboxMessage.NewId(), NewKind, person.AadObjectId), null, CancellationToken.None);
        await Until(() => _world.App.Logs.GetSnapshot().Any(record => record.Message.Contains(NewKind, StringComparison.Ordinal)), "the older instance to meet the message");
        Assert.Equal(postsBefore, _world.SentTo(person).Count);

        await using var newer = new BotApplication(
            new Dictionary<string, string?> { ["Storage:TablePrefix"] = _world.App.TablePrefix, ["Outbox:UnknownKindRetryDelay"] = RetrySoon },
            runSweep: false,
            configureServices: services => services.AddKeyedSingleton<IOutboxComposer>(NewKind, new GreetingComposer()));
        _ = newer.Services;

        await Until(() => _world.SentTo(person).Any(IsGreeting), "the newer instance to post it");
        await _world.App.OutboxDrainedAsync(TimeSpan.FromSeconds(30));
        Assert.Single(_world.SentTo(person), IsGreeting);
    }

    private static bool IsGreeting(Activity activity) => activity.Text == Greeting;

    // Polling a condition: the queue and the log offer no notification to wait on.
    private static async Task Until(Func<bool> condition, string what)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (!condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Waited 30 s for {what}.");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    private sealed class GreetingComposer : IOutboxComposer
    {
        public Task<OutboxPost?> ComposeAsync(OutboxMessage message, string? unsealedText, CancellationToken cancellationToken) =>
            Task.FromResult<OutboxPost?>(OutboxPost.Text(() => Greeting));
    }
}
