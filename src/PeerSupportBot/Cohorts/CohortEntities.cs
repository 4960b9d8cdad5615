using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Cohorts;

/// <summary>Cohorts: PartitionKey = cohort id, RowKey = "cohort".</summary>
internal sealed class CohortEntity : ITableEntity
{
    public const string Row = "cohort";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Name { get; set; } = "";
    public string TrainerKey { get; set; } = "";
    public string TrainerName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? EndsOn { get; set; }
    public bool Closed { get; set; }
    public string CodeHash { get; set; } = "";

    public Cohort ToCohort() => new(
        PartitionKey, Name, TrainerKey, TrainerName, CreatedAt,
        EndsOn is { Length: > 0 } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
        Closed, CodeHash, ETag.ToString());

    public static CohortEntity From(Cohort cohort) => new()
    {
        PartitionKey = cohort.Id,
        Name = cohort.Name,
        TrainerKey = cohort.TrainerKey,
        TrainerName = cohort.TrainerName,
        CreatedAt = cohort.CreatedAt,
        EndsOn = cohort.EndsOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Closed = cohort.Closed,
        CodeHash = cohort.CodeHash,
        ETag = string.IsNullOrEmpty(cohort.Version) ? default : new ETag(cohort.Version),
    };
}

/// <summary>JoinCodes: PartitionKey = SHA-256 of the code, RowKey = "code". The code itself is never stored.</summary>
internal sealed class JoinCodeEntity : ITableEntity
{
    public const string Row = "code";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = Row;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string CohortId { get; set; } = "";
}

/// <summary>
/// CohortMembers: PartitionKey = cohort id, RowKey = person key. "Members of cohort X" is one
/// partition query, and each row carries everything matching needs (topics, languages, pause,
/// cap, this month's count, last asked, reachable), so a match reads the asker's cohorts'
/// partitions and nothing per candidate. Every copy of the person's availability is one of
/// these rows; <see cref="MembershipCopies"/> keeps them all current.
/// </summary>
internal sealed class CohortMemberEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string PersonKey { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTimeOffset JoinedAt { get; set; }
    public string Topics { get; set; } = "";
    public string Languages { get; set; } = "";
    public DateTimeOffset? PausedUntil { get; set; }
    public int MonthlyCap { get; set; }

    /// <summary>Whether a proactive post can reach them (a copy of their contact link's state).</summary>
    public bool Reachable { get; set; }

    /// <summary>The month (yyyy-MM) <see cref="AskedInMonth"/> counts requests for.</summary>
    public string? LoadMonth { get; set; }

    public int AskedInMonth { get; set; }

    public DateTimeOffset? LastAskedAt { get; set; }

    /// <summary>The requests <see cref="AskedInMonth"/> took in last (<see cref="Cohorts.CountedRequests"/>): each counts once.</summary>
    public string? CountedRequests { get; set; }

    /// <summary>The row's shape: <see cref="CurrentShape"/> once it carries load and reachability (rows before had none).</summary>
    public int Shape { get; set; }

    public const int CurrentShape = 2;

    public CohortMember ToMember() => new(PartitionKey, PersonKey, Name, JoinedAt, TableValues.Split(Topics), TableValues.Split(Languages), PausedUntil, MonthlyCap)
    {
        Reachable = Reachable,
        Load = new MemberLoad(LoadMonth, AskedInMonth, LastAskedAt),
    };

    /// <summary>Carries the availability copies over from <paramref name="existing"/>, which the profile knows nothing of.</summary>
    public CohortMemberEntity WithCopiesOf(CohortMemberEntity existing)
    {
        Reachable = existing.Reachable;
        LoadMonth = existing.LoadMonth;
        AskedInMonth = existing.AskedInMonth;
        LastAskedAt = existing.LastAskedAt;
        CountedRequests = existing.CountedRequests;
        Shape = existing.Shape;
        return this;
    }
}

/// <summary>PersonCohorts: PartitionKey = person key, RowKey = cohort id. "Cohorts of person Y" is one partition query.</summary>
internal sealed class PersonCohortEntity : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string PersonKey { get; set; } = "";
    public string CohortName { get; set; } = "";
    public string Role { get; set; } = nameof(CohortRole.Member);
    public DateTimeOffset Since { get; set; }

    public PersonCohort ToPersonCohort() =>
        new(PersonKey, RowKey, CohortName, Enum.TryParse<CohortRole>(Role, out var role) ? role : CohortRole.Member, Since);
}
