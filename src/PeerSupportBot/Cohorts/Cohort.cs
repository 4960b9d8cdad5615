namespace PeerSupportBot.Cohorts;

/// <summary>A training cohort: where trust between supervisors forms. Its creator is its trainer.</summary>
internal sealed record Cohort(
    string Id,
    string Name,
    string TrainerKey,
    string TrainerName,
    DateTimeOffset CreatedAt,
    DateOnly? EndsOn,
    bool Closed,
    string CodeHash,
    string Version);

/// <summary>A person's place in a cohort, as the cohort sees it: enough to list and to match.</summary>
internal sealed record CohortMember(
    string CohortId,
    string PersonKey,
    string Name,
    DateTimeOffset JoinedAt,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Languages,
    DateTimeOffset? PausedUntil = null,
    int MonthlyCap = Consent.Profile.DefaultMonthlyCap)
{
    /// <summary>Whether the bot can post to them; kept on the row so matching needs no contact read.</summary>
    public bool Reachable { get; init; }

    public MemberLoad Load { get; init; } = MemberLoad.None;
}

/// <summary>How often a member was asked: requests in <paramref name="Month"/> (yyyy-MM) and when last. Ranking only; never shown.</summary>
internal sealed record MemberLoad(string? Month, int Count, DateTimeOffset? LastAskedAt)
{
    public static readonly MemberLoad None = new(null, 0, null);

    public static string MonthOf(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Requests received in the month of <paramref name="now"/>: a count from an earlier month is 0.</summary>
    public int CountIn(DateTimeOffset now) => Month == MonthOf(now) ? Count : 0;
}

/// <summary>A cohort as one person sees it: one they train or one they belong to.</summary>
internal sealed record PersonCohort(string PersonKey, string CohortId, string CohortName, CohortRole Role, DateTimeOffset Since);

internal enum CohortRole
{
    Member,
    Trainer,
}
