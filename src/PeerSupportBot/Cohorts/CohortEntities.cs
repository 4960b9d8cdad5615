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
/// partition query, and each row carries what matching needs, so a match reads only the asker's
/// cohorts' partitions.
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

    public CohortMember ToMember() => new(PartitionKey, PersonKey, Name, JoinedAt, TableValues.Split(Topics), TableValues.Split(Languages), PausedUntil, MonthlyCap);
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
