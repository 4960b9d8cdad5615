using System.Net;
using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.Asking;
using PeerSupportBot.Consent;
using PeerSupportBot.Outbox;
using PeerSupportBot.Tests.Faults;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Consent;

/// <summary>
/// A forget-me that storage cuts short part way is finished by its outbox job, with no second
/// press: the person is told the truth meanwhile, nobody is offered them meanwhile, and a job
/// that fails in the worker runs again until it succeeds.
/// </summary>
public sealed class ForgetMeJobTests : IAsyncLifetime
{
    private const string Ask = "Muutosneuvottelut alkavat ensi viikolla, miten kerron tiimille?";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly FailingStorage _storage = new();
    private TeamsWorld? _world;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_forget_me_cut_short_is_finished_by_the_outbox_and_nobody_is_offered_the_person_meanwhile()
    {
        // No worker in this instance: the job waits in the queue until a second instance takes it.
        var world = await WorldAsync(runOutbox: false);
        var (asker, helper) = await AskerAndHelperAsync(world);
        Assert.Contains(helper.AadObjectId, await SuggestedAsync(world, asker));
        var askCard = world.LastCardTo(asker);

        await world.SayAsync(helper, "unohda minut");
        // Storage fails after the memberships are gone, at the first pair-history request.
        _storage.ArmAtFirst(request => request.Contains("PairHistory", StringComparison.Ordinal));
        var answer = await world.PressAsync(helper, world.LastCardTo(helper), ConsentVerbs.Forget);
        _storage.Disarm();

        Assert.True(_storage.Failed);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.True(OnCard.Shows(answer.Card, BotText.Get<ConsentText>("BeingForgottenTitle", "fi")), answer.Card.ToString());
        Assert.NotEmpty(await StorageScan.RowsMentioningAsync(world.App, helper.AadObjectId));

        // Meanwhile: not suggested, and a send naming them (from the card shown before) asks nobody.
        Assert.DoesNotContain(helper.AadObjectId, await SuggestedAsync(world, asker));
        await world.PressAsync(asker, askCard, AskVerbs.Send, new Dictionary<string, string> { ["helpers"] = helper.AadObjectId });
        Assert.DoesNotContain(await StorageScan.RowsAsync(world.App, "HelpRequests"), row => row.GetString("HelperKey") == helper.AadObjectId);

        await using var worker = world.SecondInstance();
        await worker.OutboxDrainedAsync(TimeSpan.FromSeconds(30));

        Assert.Empty(await StorageScan.RowsMentioningAsync(world.App, helper.AadObjectId, helper.Name, helper.UserId, helper.Upn, helper.PersonalConversationId));
        Assert.Contains(worker.Logs.GetSnapshot(), line => line.Id.Id == 510 && line.Message.Contains(ForgetMeJob.Kind, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forget_me_job_that_storage_fails_in_the_worker_runs_again_until_it_finishes()
    {
        var world = await WorldAsync(runOutbox: true);
        var (_, helper) = await AskerAndHelperAsync(world);

        await world.SayAsync(helper, "forget me");
        _storage.ArmAtFirst(request => request.Contains("PairHistory", StringComparison.Ordinal));
        // The worker's first two runs fail at their first request, reading the person's cohorts.
        _storage.FailInBackground(2, request => request.Contains("PersonCohorts", StringComparison.Ordinal));
        var answer = await world.PressAsync(helper, world.LastCardTo(helper), ConsentVerbs.Forget);
        _storage.Disarm();

        // In the language of the words used: English here.
        Assert.True(OnCard.Shows(answer.Card, BotText.Get<ConsentText>("BeingForgottenTitle", "en")), answer.Card.ToString());
        await world.App.OutboxDrainedAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(await StorageScan.RowsMentioningAsync(world.App, helper.AadObjectId, helper.Name, helper.UserId, helper.Upn, helper.PersonalConversationId));
        var jobLines = world.App.Logs.GetSnapshot().Where(line => line.Id.Id is 509 or 510).Select(line => line.Id.Id).ToList();
        Assert.Equal([509, 509, 510], jobLines);
    }

    [Fact]
    public async Task A_forget_me_that_runs_out_of_time_on_hanging_storage_still_tells_the_truth_and_is_finished()
    {
        var world = await WorldAsync(runOutbox: true);
        var (_, helper) = await AskerAndHelperAsync(world);

        await world.SayAsync(helper, "unohda minut");
        // Storage accepts the pair-history request and never answers: the turn's budget (8 s, real time) ends it.
        _storage.ArmAtFirst(request => request.Contains("PairHistory", StringComparison.Ordinal), hang: true);
        var answer = await world.PressAsync(helper, world.LastCardTo(helper), ConsentVerbs.Forget);
        _storage.Disarm();

        Assert.True(_storage.Failed);
        Assert.True(OnCard.Shows(answer.Card, BotText.Get<ConsentText>("BeingForgottenTitle", "fi")), answer.Card.ToString());
        await world.App.OutboxDrainedAsync(TimeSpan.FromSeconds(30));
        Assert.Empty(await StorageScan.RowsMentioningAsync(world.App, helper.AadObjectId, helper.Name, helper.UserId, helper.Upn, helper.PersonalConversationId));
    }

    [Fact]
    public void A_failing_job_waits_twice_as_long_each_time_but_never_more_than_five_minutes()
    {
        var waits = Enumerable.Range(1, 10).Select(run => OutboxDelivery.Backoff(TimeSpan.FromSeconds(5), run, TimeSpan.FromMinutes(5)).TotalSeconds);

        Assert.Equal([5, 10, 20, 40, 80, 160, 300, 300, 300, 300], waits);
        Assert.Equal(TimeSpan.FromMinutes(5), OutboxDelivery.Backoff(TimeSpan.FromSeconds(5), 100_000, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task A_trainer_forgotten_with_storage_failing_as_their_cohort_is_deleted_leaves_no_row_of_theirs()
    {
        var world = await WorldAsync(runOutbox: true);
        var trainer = world.Person("Kaisa Kouluttaja");
        var code = await world.CohortAsync(trainer, "Esihenkilövalmennus");
        await world.JoinAsync(world.Person("Helmi Auttaja"), code, "change-negotiations");

        await world.SayAsync(trainer, "unohda minut");
        // The cohort's own row is the last of it to go; the job must still find the cohort afterwards.
        _storage.ArmAtFirst(request => request.StartsWith("DELETE", StringComparison.Ordinal)
            && request.Contains("Cohorts(", StringComparison.Ordinal) && !request.Contains("PersonCohorts(", StringComparison.Ordinal));
        var answer = await world.PressAsync(trainer, world.LastCardTo(trainer), ConsentVerbs.Forget);
        _storage.Disarm();

        Assert.True(_storage.Failed);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        await world.App.OutboxDrainedAsync(TimeSpan.FromSeconds(60));
        Assert.Empty(await StorageScan.RowsMentioningAsync(world.App, trainer.AadObjectId, trainer.UserId, trainer.Name));
        Assert.Empty(await StorageScan.RowsAsync(world.App, "Cohorts"));
    }

    private async Task<TeamsWorld> WorldAsync(bool runOutbox)
    {
        _world = new TeamsWorld(clock: _clock, runSweep: false, configureServices: _storage.Install, runOutbox: runOutbox);
        await _world.InitializeAsync();
        return _world;
    }

    private static async Task<(TeamsPerson Asker, TeamsPerson Helper)> AskerAndHelperAsync(TeamsWorld world)
    {
        var code = await world.CohortAsync(world.Person("Kaisa Kouluttaja"), "Esihenkilövalmennus");
        var asker = world.Person("Aino Esihenkilö");
        var helper = world.Person("Helmi Auttaja");
        await world.JoinAsync(asker, code, "wellbeing");
        await world.JoinAsync(helper, code, "change-negotiations", "fi,en");
        return (asker, helper);
    }

    private static async Task<IReadOnlyList<string>> SuggestedAsync(TeamsWorld world, TeamsPerson asker)
    {
        await world.SayAsync(asker, Ask);
        var card = world.LastCardTo(asker);
        return [.. (OnCard.ActionData(card, AskVerbs.SendAll)?["suggested"]?.GetValue<string>() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)];
    }
}
