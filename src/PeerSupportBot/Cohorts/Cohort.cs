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
    int MonthlyCap = Consent.Profile.DefaultMonthlyCap);

/// <summary>A cohort as one person sees it: one they train or one they belong to.</summary>
internal sealed record PersonCohort(string PersonKey, string CohortId, string CohortName, CohortRole Role, DateTimeOffset Since);

internal enum CohortRole
{
    Member,
    Trainer,
}
