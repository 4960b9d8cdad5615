namespace PeerSupportBot.Bench;

/// <summary>One person to seed, in one cohort, with what matching reads about them.</summary>
internal sealed record SeedPerson(
    string Key,
    string Name,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Languages,
    bool Paused = false,
    bool Unreachable = false,
    int MonthlyCap = Consent.Profile.DefaultMonthlyCap,
    int AskedThisMonth = 0);

/// <summary>One cohort to seed.</summary>
internal sealed record SeedCohort(string Id, string Name, IReadOnlyList<SeedPerson> Members);

/// <summary>
/// The people of a benchmark organisation, the same every run so that two runs (and the two
/// organisations) do exactly the same matching work. The asker's cohort exercises every rule:
/// topic fit and misfit, a language not shared, a pause, an unreachable contact and a full
/// monthly cap. Everyone in the other cohorts would fit the ask, so a matcher that looked beyond
/// the asker's cohorts would find them and pay for it.
/// </summary>
internal static class SeedPeople
{
    public static readonly IReadOnlyList<string> AskTopics = ["change-management", "difficult-conversations"];
    public static readonly IReadOnlyList<string> AskerLanguages = ["fi"];

    public static readonly string AskerKey = Key(0, 999);

    /// <summary>Members of the asker's cohort whom the asker was shown last time, helped by before, and who were asked this month.</summary>
    public static readonly IReadOnlyList<string> LastSuggested = [Key(0, 0), Key(0, 1), Key(0, 2)];
    public static readonly string HelpedBefore = Key(0, 4);

    public static SeedCohort AskersCohort()
    {
        var members = new List<SeedPerson> { new(AskerKey, "Kysyjä", ["wellbeing"], ["fi"]) };
        for (var m = 0; m < BenchPlan.MembersPerCohort; m++)
        {
            IReadOnlyList<string> topics = (m % 4) switch
            {
                0 => ["change-management", "difficult-conversations"],
                1 => ["difficult-conversations"],
                2 => ["change-management", "wellbeing"],
                _ => ["wellbeing", "sick-leave"],
            };
            members.Add(new SeedPerson(
                Key(0, m),
                Name(0, m),
                topics,
                m % 7 == 6 ? ["en"] : ["fi", "en"],
                Paused: m == 5,
                Unreachable: m == 8,
                MonthlyCap: m == 9 ? 1 : Consent.Profile.DefaultMonthlyCap,
                AskedThisMonth: m is 0 or 1 or 2 or 9 ? 1 : 0));
        }

        return new SeedCohort(CohortId(0), "Valmennus 0", members);
    }

    /// <summary>A cohort the asker does not belong to; <paramref name="index"/> starts at 1.</summary>
    public static SeedCohort OtherCohort(int index) => new(
        CohortId(index),
        $"Valmennus {index}",
        [.. Enumerable.Range(0, BenchPlan.MembersPerCohort).Select(m => new SeedPerson(Key(index, m), Name(index, m), AskTopics, ["fi"]))]);

    // Entra object ids are GUIDs; these are deterministic ones.
    private static string Key(int cohort, int member) => $"{cohort:D8}-0000-4000-8000-{member:D12}";

    private static string Name(int cohort, int member) => $"Esihenkilö {cohort}.{member}";

    private static string CohortId(int index) => $"bench{index:D5}";
}
