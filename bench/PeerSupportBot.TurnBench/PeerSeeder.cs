using System.Globalization;
using Azure.Data.Tables;

namespace PeerSupportBot.TurnBench;

/// <summary>
/// Seeds the peer's own tables (bench/peer/store.js reads them): per person one partition with the
/// profile, the contact and a row per cohort; per cohort one partition of members holding what a
/// match needs. Written straight to Azurite, not through the peer's proxy: seeding is not measured.
/// The peer has no join flow of its own; that is the part of the product it does not imitate.
/// </summary>
internal static class PeerSeeder
{
    public static async Task SeedAsync(string connectionString, string serviceUrl, IReadOnlyList<BenchCohort> cohorts, int parallelism, CancellationToken cancellationToken)
    {
        var service = new TableServiceClient(connectionString);
        var people = service.GetTableClient("peerPeople");
        var members = service.GetTableClient("peerMembers");
        await people.CreateIfNotExistsAsync(cancellationToken);
        await members.CreateIfNotExistsAsync(cancellationToken);
        await service.GetTableClient("peerRequests").CreateIfNotExistsAsync(cancellationToken);

        var options = new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken };
        var cohortIds = cohorts.ToDictionary(cohort => cohort, _ => Guid.NewGuid().ToString("N"));
        await Parallel.ForEachAsync(cohorts, options, async (cohort, token) =>
        {
            var rows = cohort.Members.Select(member => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(cohortIds[cohort], member.Key)
            {
                ["Name"] = member.Name,
                ["Topics"] = Turns.TopicsOffered,
                ["Languages"] = Turns.LanguagesOffered,
                ["MonthlyCap"] = 3,
                ["Month"] = "",
                ["Count"] = 0,
                ["Reachable"] = true,
                ["ConversationId"] = member.ConversationId,
                ["Upn"] = member.Upn,
            }));
            foreach (var chunk in rows.Chunk(100))
            {
                await members.SubmitTransactionAsync(chunk, token);
            }
        });

        var memberships = cohorts.SelectMany(cohort => cohort.Members.Select(member => (Cohort: cohort, Member: member)));
        await Parallel.ForEachAsync(memberships, options, async (membership, token) =>
        {
            var (cohort, member) = membership;
            TableTransactionAction[] rows =
            [
                new(TableTransactionActionType.UpsertReplace, new TableEntity(member.Key, "profile")
                {
                    ["Name"] = member.Name,
                    ["Locale"] = member.Locale,
                    ["Topics"] = Turns.TopicsOffered,
                    ["Languages"] = Turns.LanguagesOffered,
                    ["MonthlyCap"] = 3,
                    ["ConsentedAt"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
                }),
                new(TableTransactionActionType.UpsertReplace, new TableEntity(member.Key, "contact")
                {
                    ["ServiceUrl"] = serviceUrl,
                    ["ConversationId"] = member.ConversationId,
                    ["UserId"] = member.UserId,
                    ["TenantId"] = Person.TenantId,
                    ["BotId"] = Person.BotId,
                    ["Upn"] = member.Upn,
                    ["Reachable"] = true,
                }),
                new(TableTransactionActionType.UpsertReplace, new TableEntity(member.Key, "cohort|" + cohortIds[cohort]) { ["CohortName"] = cohort.Name }),
            ];
            await people.SubmitTransactionAsync(rows, token);
        });
    }
}
