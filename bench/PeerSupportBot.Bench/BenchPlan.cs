namespace PeerSupportBot.Bench;

/// <summary>
/// How big the two organisations are and how often a match is timed. Both organisations hold
/// the same asker in the same cohort; they differ only in how many other cohorts there are.
/// </summary>
internal sealed record BenchPlan(string Name, int BaselineOtherCohorts, int LargeOtherCohorts, int WarmUps, int Runs)
{
    public const int MembersPerCohort = 25;

    public static readonly BenchPlan Full = new("full", BaselineOtherCohorts: 4, LargeOtherCohorts: 160, WarmUps: 10, Runs: 30);

    /// <summary>For the test command: the same comparison at a size that seeds in seconds.</summary>
    public static readonly BenchPlan Quick = new("quick", BaselineOtherCohorts: 2, LargeOtherCohorts: 40, WarmUps: 5, Runs: 10);
}
