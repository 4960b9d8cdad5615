using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Matching;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Bench;

/// <summary>
/// One seeded organisation in its own tables (a unique table prefix), with the app's own stores
/// and Matcher over them, and a counter of every request its table clients send.
/// </summary>
internal sealed class Organisation
{
    private Organisation(string label, string tablePrefix, int otherCohorts, RequestCounter requests)
    {
        Label = label;
        TablePrefix = tablePrefix;
        OtherCohorts = otherCohorts;
        Requests = requests;
    }

    public string Label { get; }

    public string TablePrefix { get; }

    public int OtherCohorts { get; }

    public int Cohorts => OtherCohorts + 1;

    /// <summary>Everyone seeded: the asker's cohort (asker included) and the other cohorts.</summary>
    public int People => 1 + (Cohorts * BenchPlan.MembersPerCohort);

    public RequestCounter Requests { get; }

    public required TableServiceClient Service { get; init; }

    public required Tables Tables { get; init; }

    public required Matcher Matcher { get; init; }

    public static Organisation Connect(string connectionString, string label, int otherCohorts)
    {
        // Table names allow letters and digits only, and the prefix must start with a letter.
        var prefix = "bench" + Guid.NewGuid().ToString("N")[..10] + label[..1].ToUpperInvariant();
        var time = TimeProvider.System;
        var options = new TableClientOptions();
        var counter = new RequestCounter(prefix);
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var service = new TableServiceClient(connectionString, options);
        var tables = new Tables(service, Options.Create(new StorageOptions { TablePrefix = prefix }));
        return new Organisation(label, prefix, otherCohorts, counter)
        {
            Service = service,
            Tables = tables,
            Matcher = new Matcher(new CohortStore(tables, time), new PairHistory(tables), time),
        };
    }

    public Task<IReadOnlyList<Candidate>> MatchAsync(CancellationToken cancellationToken) =>
        Matcher.FindAsync(SeedPeople.AskerKey, SeedPeople.AskTopics, SeedPeople.AskerLanguages, new HashSet<string>(StringComparer.Ordinal), cancellationToken);

    /// <summary>Drops this organisation's tables, so a shared Azurite is left as it was found.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        var filter = TableServiceClient.CreateQueryFilter($"TableName ge {TablePrefix} and TableName lt {TablePrefix + "~"}");
        await foreach (var table in Service.QueryAsync(filter, cancellationToken: cancellationToken))
        {
            await Service.DeleteTableAsync(table.Name, cancellationToken);
        }
    }
}
