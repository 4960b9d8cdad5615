using System.Globalization;

namespace PeerSupportBot.TurnBench;

/// <summary>A target's people: the cohorts the load runs on, and the cohorts whose asks are counted by size.</summary>
internal sealed record Population(IReadOnlyList<BenchCohort> Load, IReadOnlyList<BenchCohort> Probes)
{
    /// <summary>
    /// The same cohorts for every target, each with people of its own: the bot seeded through its
    /// own join and consent flows, the peer through its tables, the limit not at all (it keeps no
    /// such state). Everyone offers the topics the asks are about, in Finnish and English.
    /// </summary>
    public static async Task<IReadOnlyDictionary<TargetKind, Population>> SeedAsync(Rig rig, IReadOnlyList<int> loadSizes, IReadOnlyList<int> probeSizes, int parallelism, CancellationToken cancellationToken)
    {
        var populations = new Dictionary<TargetKind, Population>();
        foreach (var target in rig.Targets)
        {
            var number = 0;
            BenchCohort Cohort(string name, int size) => new(name, [.. Enumerable.Range(0, size).Select(_ => target.NewPerson(number++))]);
            var load = loadSizes.Select((size, index) => Cohort("Valmennus " + (index + 1).ToString(CultureInfo.InvariantCulture), size)).ToList();
            var probes = probeSizes.Select(size => Cohort("Koko " + size.ToString(CultureInfo.InvariantCulture), size)).ToList();
            var all = load.Concat(probes).ToList();
            switch (target.Kind)
            {
                case TargetKind.Bot:
                    await BotSeeder.SeedAsync(target, all, parallelism, cancellationToken);
                    break;
                case TargetKind.Peer:
                    await PeerSeeder.SeedAsync(rig.DirectConnectionString, target.Teams.ServiceUrlFor(target.Name), all, parallelism, cancellationToken);
                    break;
            }

            populations[target.Kind] = new Population(load, probes);
        }

        return populations;
    }
}
