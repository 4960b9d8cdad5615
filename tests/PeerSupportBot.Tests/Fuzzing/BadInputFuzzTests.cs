using System.Collections.Concurrent;
using System.Net;
using System.Text;
using CsCheck;
using Microsoft.Extensions.Logging;
using PeerSupportBot.Asking;
using PeerSupportBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PeerSupportBot.Tests.Fuzzing;

/// <summary>
/// Thousands of generated bad activities, straight to the in-memory server with Azurite behind
/// it: no 5xx, no failed turn, no tampered write. The run is seeded (PEERSUPPORT_FUZZ_SEED, or
/// <see cref="DefaultSeed"/>), so a failure names the seed and case that replay it.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class BadInputFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    public const ulong DefaultSeed = 20261201;
    public const int TamperedCases = 4_000;
    public const int MalformedCases = 6_000;

    // Tables that are meant to change on a refused attempt: they count it.
    private static readonly string[] AttemptTables = ["JoinAttempts", "AskAttempts"];

    private readonly TeamsWorld _world = new(runSweep: false, runOutbox: false);
    private FuzzTargets _targets = null!;

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        _world.App.WaitsForOutbox = false;
        var trainer = _world.Person("Kaisa Kouluttaja");
        var code = await _world.CohortAsync(trainer, "Valmennus");
        var asker = _world.Person("Aino Esihenkilö");
        await _world.JoinAsync(asker, code, "wellbeing");
        var helper = _world.Person("Helmi Auttaja");
        await _world.JoinAsync(helper, code, "change-negotiations");
        var member = _world.Person("Matti Jäsen");
        await _world.JoinAsync(member, code, "wellbeing");
        await _world.SayAsync(asker, "Onko kellään kokemusta muutosneuvotteluista ja irtisanomisista?");
        var sent = await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.SendAll);
        var requestId = OnCard.ActionData(sent.Card, "request.cancel")?["requestId"]?.GetValue<string>()
                        ?? throw new InvalidOperationException("The waiting card has no cancel button.");
        var cohortId = (await StorageScan.RowsAsync(_world.App, "Cohorts")).Single().PartitionKey;
        var strangers = Enumerable.Range(0, 3).Select(_ => _world.Person("Sivullinen")).ToList();
        _targets = new FuzzTargets(
            _world.Connector.ServiceUrl, TeamsWorld.TenantId, TeamsWorld.BotId, requestId, cohortId,
            [asker.AadObjectId, helper.AadObjectId, trainer.AadObjectId, member.AadObjectId],
            [.. strangers.Select(Identity)],
            Identity(member));
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Ten_thousand_generated_bad_activities_get_no_5xx_fail_no_turn_and_tampering_changes_no_table()
    {
        var seed = Environment.GetEnvironmentVariable("PEERSUPPORT_FUZZ_SEED") is { Length: > 0 } configured ? ulong.Parse(configured, System.Globalization.CultureInfo.InvariantCulture) : DefaultSeed;
        var generators = new ActivityGenerators(_targets);
        var random = new PCG(1, seed);
        var tampered = Generate(Gen.Frequency((3, generators.TamperedInvoke), (1, generators.StrangerMessage)), random, TamperedCases);
        var malformed = Generate(Gen.Frequency((6, generators.Mutated), (2, generators.TamperedInvoke), (1, generators.StrangerMessage), (1, ActivityGenerators.Garbage)), random, MalformedCases);
        var before = await TableSnapshot.TakeAsync(_world.App, AttemptTables);

        var tamperedFailures = await PostAllAsync(tampered, seed);
        var afterTampering = await TableSnapshot.TakeAsync(_world.App, AttemptTables);
        var malformedFailures = await PostAllAsync(malformed, seed, offset: TamperedCases);

        var failedTurns = _world.App.Logs.GetSnapshot().Where(record => record.Level >= LogLevel.Error).Select(record => record.Message).Distinct().Take(5).ToList();
        output.WriteLine($"seed {seed}: {tampered.Count + malformed.Count} cases ({tampered.Count} tampered, {malformed.Count} malformed), {tampered.Count(c => c.Replayed) + malformed.Count(c => c.Replayed)} replayed");
        Assert.True(tamperedFailures.IsEmpty && malformedFailures.IsEmpty, $"seed {seed}:\n" + string.Join('\n', tamperedFailures.Concat(malformedFailures).Take(10)));
        Assert.True(failedTurns.Count == 0, $"seed {seed}: error log lines:\n" + string.Join('\n', failedTurns));
        Assert.True(before.SetEquals(afterTampering), $"seed {seed}: tampering changed rows: " + string.Join(", ", afterTampering.Except(before).Concat(before.Except(afterTampering)).Take(10)));
    }

    private static List<FuzzCase> Generate(Gen<FuzzCase> gen, PCG random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => gen.Generate(random, null, out Size _))];

    // One case at a time, so an error log line is the case's own; on two cores it is as fast as two.
    private async Task<ConcurrentBag<string>> PostAllAsync(List<FuzzCase> cases, ulong seed, int offset = 0)
    {
        var failures = new ConcurrentBag<string>();
        using var client = _world.App.CreateClient();
        await Parallel.ForAsync(0, cases.Count, new ParallelOptions { MaxDegreeOfParallelism = 1 }, async (index, cancellationToken) =>
        {
            var fuzz = cases[index];
            for (var attempt = 0; attempt < (fuzz.Replayed ? 2 : 1); attempt++)
            {
                var errorsBefore = _world.App.Logs.GetSnapshot().Count(record => record.Level >= LogLevel.Error);
                var problem = await PostAsync(client, fuzz);
                if (problem is null && _world.App.Logs.GetSnapshot().Count(record => record.Level >= LogLevel.Error) > errorsBefore)
                {
                    problem = "the turn failed (see the error log line)";
                }

                if (problem is not null)
                {
                    failures.Add($"case {offset + index} ({fuzz.Kind}, seed {seed}): {problem}; body {Shorten(fuzz.Body)}");
                    return;
                }
            }
        });
        return failures;
    }

    private static async Task<string?> PostAsync(HttpClient client, FuzzCase fuzz)
    {
        try
        {
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(fuzz.Body));
            content.Headers.ContentType = new("application/json");
            using var response = await client.PostAsync("/api/messages", content);
            var status = (int)response.StatusCode;
            return status switch
            {
                200 or 400 or 413 => null,
                501 when fuzz.MayAnswer501 => null,
                _ => $"HTTP {status}",
            };
        }
        catch (Exception exception)
        {
            return $"{exception.GetType().Name}: {exception.Message}";
        }
    }

    private static string Shorten(string body) => body.Length <= 600 ? body : body[..600] + $"… ({body.Length} chars)";

    private static (string UserId, string AadObjectId, string ConversationId) Identity(TeamsPerson person) =>
        (person.UserId, person.AadObjectId, person.PersonalConversationId);
}

/// <summary>
/// The generated run keeps both cores busy for two minutes; alone, it cannot starve tests that
/// keep real-time rates (the outbox's seven posts a second) into flaking.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Generated bad input";
}
