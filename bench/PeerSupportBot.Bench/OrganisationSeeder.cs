using Azure.Data.Tables;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;
using PeerSupportBot.Matching;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Bench;

/// <summary>
/// Writes an organisation the way the app would have after everyone joined and consented: the
/// cohort rows, each cohort's members as one batch (a cohort is one partition), and per person
/// a profile and a PersonCohorts row through the app's own stores and entity types. Each
/// membership row carries reachability and this month's load, as the app keeps them; contacts
/// are not seeded, because a match no longer reads them.
/// </summary>
internal static class OrganisationSeeder
{
    // Azurite answers concurrent requests faster than sequential ones; more than this only queues.
    private const int Parallelism = 16;

    public static async Task SeedAsync(Organisation organisation, CancellationToken cancellationToken)
    {
        var cohorts = new List<SeedCohort> { SeedPeople.AskersCohort() };
        cohorts.AddRange(Enumerable.Range(1, organisation.OtherCohorts).Select(SeedPeople.OtherCohort));
        var now = TimeProvider.System.GetUtcNow();
        var tables = organisation.Tables;

        await Parallel.ForEachAsync(cohorts, Options(cancellationToken), async (cohort, token) =>
            await WriteCohortAsync(tables, cohort, now, token));

        var memberships = cohorts.SelectMany(cohort => cohort.Members.Select(person => (cohort, person)));
        var profiles = new ProfileStore(tables);
        var personCohorts = await tables.GetAsync("PersonCohorts", cancellationToken);
        await Parallel.ForEachAsync(memberships, Options(cancellationToken), async (membership, token) =>
        {
            var (cohort, person) = membership;
            var pausedUntil = person.Paused ? now.AddDays(30) : (DateTimeOffset?)null;
            _ = await profiles.SaveAsync(new Profile(person.Key, person.Name, "fi-FI", person.Topics, person.Languages, pausedUntil, person.MonthlyCap, ""), token)
                ?? throw new InvalidOperationException($"A profile was already there: are the tables really new ({person.Key})?");
            await personCohorts.UpsertEntityAsync(new PersonCohortEntity
            {
                PartitionKey = TableKeys.Encode(person.Key),
                RowKey = cohort.Id,
                PersonKey = person.Key,
                CohortName = cohort.Name,
                Role = nameof(CohortRole.Member),
                Since = now,
            }, TableUpdateMode.Replace, token);
        });

        await WriteHistoryAsync(tables, cancellationToken);
    }

    private static async Task WriteCohortAsync(Tables tables, SeedCohort cohort, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var trainer = cohort.Members[0];
        var cohortRows = await tables.GetAsync("Cohorts", cancellationToken);
        await cohortRows.UpsertEntityAsync(
            CohortEntity.From(new Cohort(cohort.Id, cohort.Name, trainer.Key, trainer.Name, now, null, false, "", "")),
            TableUpdateMode.Replace, cancellationToken);

        // One partition, at most 100 rows: one transaction.
        var members = await tables.GetAsync("CohortMembers", cancellationToken);
        var rows = cohort.Members.Select((person, index) => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new CohortMemberEntity
        {
            PartitionKey = cohort.Id,
            RowKey = TableKeys.Encode(person.Key),
            PersonKey = person.Key,
            Name = person.Name,
            JoinedAt = now.AddMinutes(index - cohort.Members.Count),
            Topics = TableValues.Join(person.Topics),
            Languages = TableValues.Join(person.Languages),
            PausedUntil = person.Paused ? now.AddDays(30) : null,
            MonthlyCap = person.MonthlyCap,
            Reachable = !person.Unreachable,
            LoadMonth = MemberLoad.MonthOf(now),
            AskedInMonth = person.AskedThisMonth,
            LastAskedAt = person.AskedThisMonth > 0 ? now : null,
            Shape = CohortMemberEntity.CurrentShape,
        }));
        foreach (var chunk in rows.Chunk(100))
        {
            await members.SubmitTransactionAsync(chunk, cancellationToken);
        }
    }

    /// <summary>Pair history for the asker, so ranking reads real rows, not only misses (the load is on the membership rows).</summary>
    private static async Task WriteHistoryAsync(Tables tables, CancellationToken cancellationToken)
    {
        var pairs = new PairHistory(tables);
        await pairs.RecordHelpAsync(SeedPeople.AskerKey, SeedPeople.HelpedBefore, cancellationToken);
        await pairs.SetLastSuggestedAsync(SeedPeople.AskerKey, SeedPeople.LastSuggested, cancellationToken);
    }

    private static ParallelOptions Options(CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };
}
