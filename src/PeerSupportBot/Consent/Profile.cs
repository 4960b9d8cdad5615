namespace PeerSupportBot.Consent;

/// <summary>
/// What a member chose: the topics and languages they help in, and their availability. Shared by
/// all their cohorts; consent itself is per cohort.
/// </summary>
internal sealed record Profile(
    string PersonKey,
    string Name,
    string Locale,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Languages,
    DateTimeOffset? PausedUntil,
    int MonthlyCap,
    string Version)
{
    public const int DefaultMonthlyCap = 3;

    /// <summary>Paused "until resumed" is stored as the largest date.</summary>
    public static readonly DateTimeOffset Indefinitely = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    public bool IsPausedAt(DateTimeOffset now) => PausedUntil is { } until && until > now;
}

/// <summary>One entry of the append-only consent log.</summary>
internal sealed record ConsentRecord(
    DateTimeOffset At,
    string CohortId,
    ConsentAction Action,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Languages,
    string ConsentTextVersion);

internal enum ConsentAction
{
    Given,
    Changed,
    Withdrawn,
}
