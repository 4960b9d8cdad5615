using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.Asking;
using PeerSupportBot.Matching;
using PeerSupportBot.Storage;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Storage;

/// <summary>
/// Rows written by the bot before a match read only the cohorts' partitions (load in HelperLoad,
/// reachability only in Contacts, suggestions as mirrored rows) are upgraded at start-up: the
/// asker is then matched exactly as before, a second run changes nothing, and no consent, profile
/// or contact row changes.
/// </summary>
public sealed class MatchDataUpgradeTests : IAsyncLifetime
{
    private const string CohortId = "c0ffee0000000001";
    private const string Topic = "change-negotiations";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 4, 14, 8, 0, 0, TimeSpan.Zero));
    private readonly TeamsWorld _world;
    private TableServiceClient _service = null!;

    public MatchDataUpgradeTests() => _world = new TeamsWorld(clock: _clock, runSweep: false);

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        _service = new TableServiceClient(Azurite.ConnectionString);
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Old_rows_are_upgraded_at_start_up_once_and_the_asker_is_matched_exactly_as_before()
    {
        var asker = _world.Person("Aino Esihenkilö");
        // As the old matcher ranked them: fresh before last suggested, the rested before the recently asked;
        // the unreachable and the one at their cap not at all.
        var (rested, recentlyAsked, lastSuggested, unreachable, atCap) =
            (_world.Person("Fanni Levännyt"), _world.Person("Bertta Kysytty"), _world.Person("Eero Ehdotettu"), _world.Person("Cecilia Poissa"), _world.Person("Daniel Täynnä"));
        await WriteOldShapeAsync(asker, [rested, recentlyAsked, lastSuggested, unreachable, atCap], rested, unreachable, atCap, recentlyAsked, lastSuggested);
        var consentBefore = await SnapshotAsync("ConsentLog", "Profiles", "Contacts");

        await _world.SayAsync(asker, "Muutosneuvottelut alkavat, miten kerron tiimille?");

        Assert.Equal([rested.AadObjectId, recentlyAsked.AadObjectId, lastSuggested.AadObjectId], Suggested(asker));
        Assert.Equal(consentBefore, await SnapshotAsync("ConsentLog", "Profiles", "Contacts"));
        Assert.Empty(await StorageScan.RowsAsync(_world.App, "HelperLoad"));
        Assert.Empty(await StorageScan.RowsAsync(_world.App, "PersonRequests"));
        Assert.DoesNotContain(await StorageScan.RowsAsync(_world.App, "PairHistory"), row => row.RowKey.StartsWith("suggested|", StringComparison.Ordinal) || row.RowKey.StartsWith("suggestedTo|", StringComparison.Ordinal));
        Assert.All(await StorageScan.RowsAsync(_world.App, "CohortMembers"), row => Assert.Equal(2, row.GetInt32("Shape")));

        var afterFirstRun = await SnapshotAsync();
        Assert.Equal(0, await _world.App.Services.GetRequiredService<MatchDataUpgrade>().UpgradeAsync(CancellationToken.None));
        await _world.RestartAsync(runSweep: false);
        _ = _world.App.Services;
        Assert.Equal(afterFirstRun, await SnapshotAsync());
    }

    private async Task WriteOldShapeAsync(TeamsPerson asker, TeamsPerson[] colleagues, TeamsPerson rested, TeamsPerson unreachable, TeamsPerson atCap, TeamsPerson recentlyAsked, TeamsPerson lastSuggested)
    {
        var now = _clock.GetUtcNow();
        var month = now.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        await AddAsync("Cohorts", new TableEntity(CohortId, "cohort") { ["Name"] = "Syksy 2026", ["TrainerKey"] = "trainer", ["TrainerName"] = "Kaisa", ["CreatedAt"] = now.AddDays(-60), ["Closed"] = false, ["CodeHash"] = "" });
        foreach (var (person, index) in colleagues.Prepend(asker).Select((person, index) => (person, index)))
        {
            var key = person.AadObjectId;
            var topics = person == asker ? "wellbeing" : Topic;
            await AddAsync("CohortMembers", new TableEntity(CohortId, TableKeys.Encode(key))
            {
                ["PersonKey"] = key, ["Name"] = person.Name, ["JoinedAt"] = now.AddDays(-30 + index), ["Topics"] = topics, ["Languages"] = "fi", ["MonthlyCap"] = 3,
            });
            await AddAsync("PersonCohorts", new TableEntity(TableKeys.Encode(key), CohortId) { ["PersonKey"] = key, ["CohortName"] = "Syksy 2026", ["Role"] = "Member", ["Since"] = now.AddDays(-30) });
            await AddAsync("Profiles", new TableEntity(TableKeys.Encode(key), "profile") { ["PersonKey"] = key, ["Name"] = person.Name, ["Locale"] = "fi-FI", ["Topics"] = topics, ["Languages"] = "fi", ["MonthlyCap"] = 3 });
            await AddAsync("Contacts", new TableEntity(TableKeys.Encode(key), "contact")
            {
                ["PersonKey"] = key, ["ServiceUrl"] = _world.Connector.ServiceUrl.ToString(), ["TenantId"] = TeamsWorld.TenantId, ["BotId"] = TeamsWorld.BotId, ["UserId"] = person.UserId,
                ["ConversationId"] = person.PersonalConversationId, ["UserPrincipalName"] = person.Upn, ["Unreachable"] = person == unreachable, ["UpdatedAt"] = now.AddDays(-30),
            });
            await AddAsync("ConsentLog", new TableEntity(TableKeys.Encode(key), "0000000001") { ["At"] = now.AddDays(-30), ["CohortId"] = CohortId, ["Action"] = "Given", ["Topics"] = topics, ["Languages"] = "fi", ["ConsentTextVersion"] = "2026-10" });
        }

        await AddAsync("HelperLoad", new TableEntity(TableKeys.Encode(atCap.AadObjectId), "load") { ["Month"] = month, ["Count"] = 3, ["LastAskedAt"] = now.AddDays(-10) });
        await AddAsync("HelperLoad", new TableEntity(TableKeys.Encode(recentlyAsked.AadObjectId), "load") { ["Month"] = month, ["Count"] = 1, ["LastAskedAt"] = now.AddDays(-1) });
        await AddAsync("HelperLoad", new TableEntity(TableKeys.Encode(rested.AadObjectId), "load") { ["Month"] = "2027-01", ["Count"] = 3, ["LastAskedAt"] = now.AddDays(-80) });
        await AddAsync("PairHistory", new TableEntity(TableKeys.Encode(asker.AadObjectId), "suggested|" + TableKeys.Encode(lastSuggested.AadObjectId)) { ["Other"] = lastSuggested.AadObjectId });
        await AddAsync("PairHistory", new TableEntity(TableKeys.Encode(lastSuggested.AadObjectId), "suggestedTo|" + TableKeys.Encode(asker.AadObjectId)) { ["Other"] = asker.AadObjectId });
        await AddAsync("PersonRequests", new TableEntity(TableKeys.Encode(asker.AadObjectId), "0123456789abcdef01234567"));
    }

    private async Task AddAsync(string table, TableEntity row)
    {
        var client = _service.GetTableClient(_world.App.TablePrefix + table);
        await client.CreateIfNotExistsAsync();
        await client.AddEntityAsync(row);
    }

    /// <summary>Every row of the app's tables (or of <paramref name="only"/>), every property, in a stable order.</summary>
    private async Task<string> SnapshotAsync(params string[] only)
    {
        var lines = new List<string>();
        await foreach (var table in _service.QueryAsync(TableClient.CreateQueryFilter($"TableName ge {_world.App.TablePrefix} and TableName lt {_world.App.TablePrefix + "~"}")))
        {
            if (only.Length > 0 && !only.Any(name => table.Name == _world.App.TablePrefix + name))
            {
                continue;
            }

            await foreach (var row in _service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                lines.Add(table.Name + " " + string.Join(";", row.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Key + "=" + pair.Value)));
            }
        }

        return string.Join(Environment.NewLine, lines.Order(StringComparer.Ordinal));
    }

    private List<string> Suggested(TeamsPerson asker) =>
        [.. (OnCard.ActionData(_world.LastCardTo(asker), AskVerbs.SendAll)?["suggested"]?.GetValue<string>() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)];
}
