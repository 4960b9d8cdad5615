using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Consent;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Cohorts;

/// <summary>
/// Cohorts, their join codes and memberships, in four tables (docs/storage.md). A membership is
/// written to both CohortMembers and PersonCohorts; the cohort side is written first and is the
/// truth for matching, so a half-done write never makes someone suggestable without consent.
/// </summary>
internal sealed partial class CohortStore(Tables tables, TimeProvider time)
{
    private const string CohortsTable = "Cohorts";
    private const string JoinCodesTable = "JoinCodes";
    private const string MembersTable = "CohortMembers";
    private const string PersonCohortsTable = "PersonCohorts";
    private const string PostingsTable = "CohortPostings";

    public async Task<(Cohort Cohort, string Code)> CreateAsync(string name, string trainerKey, string trainerName, DateOnly? endsOn, CancellationToken cancellationToken)
    {
        var cohortId = JoinCodes.NewCohortId();
        var code = await ReserveCodeAsync(cohortId, cancellationToken);
        var now = time.GetUtcNow();
        var entity = CohortEntity.From(new Cohort(cohortId, name, trainerKey, trainerName, now, endsOn, false, JoinCodes.Hash(code), ""));
        var cohorts = await tables.GetAsync(CohortsTable, cancellationToken);
        var response = await cohorts.AddEntityAsync(entity, cancellationToken);
        entity.ETag = response.Headers.ETag ?? default;

        var personCohorts = await tables.GetAsync(PersonCohortsTable, cancellationToken);
        await personCohorts.UpsertEntityAsync(new PersonCohortEntity
        {
            PartitionKey = TableKeys.Encode(trainerKey),
            RowKey = cohortId,
            PersonKey = trainerKey,
            CohortName = name,
            Role = nameof(CohortRole.Trainer),
            Since = now,
        }, TableUpdateMode.Replace, cancellationToken);
        return (entity.ToCohort(), code);
    }

    public async Task<Cohort?> FindAsync(string? cohortId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(cohortId) || TableKeys.Encode(cohortId) != cohortId)
        {
            return null;
        }

        var cohorts = await tables.GetAsync(CohortsTable, cancellationToken);
        var entity = await cohorts.GetEntityIfExistsAsync<CohortEntity>(cohortId, CohortEntity.Row, cancellationToken: cancellationToken);
        return entity.HasValue ? entity.Value!.ToCohort() : null;
    }

    /// <summary>The cohort whose current code this is; null for unknown and rotated codes.</summary>
    public async Task<Cohort?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        if (JoinCodes.Normalize(code) is null)
        {
            return null;
        }

        var hash = JoinCodes.Hash(code);
        var codes = await tables.GetAsync(JoinCodesTable, cancellationToken);
        var entry = await codes.GetEntityIfExistsAsync<JoinCodeEntity>(hash, JoinCodeEntity.Row, cancellationToken: cancellationToken);
        if (!entry.HasValue)
        {
            return null;
        }

        var cohort = await FindAsync(entry.Value!.CohortId, cancellationToken);
        return cohort?.CodeHash == hash ? cohort : null;
    }

    public async Task<IReadOnlyList<PersonCohort>> CohortsOfAsync(string personKey, CancellationToken cancellationToken)
    {
        var personCohorts = await tables.GetAsync(PersonCohortsTable, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Encode(personKey)}");
        var result = new List<PersonCohort>();
        await foreach (var entity in personCohorts.QueryAsync<PersonCohortEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(entity.ToPersonCohort());
        }

        return result;
    }

    public async Task<IReadOnlyList<CohortMember>> MembersAsync(string cohortId, CancellationToken cancellationToken)
    {
        var members = await tables.GetAsync(MembersTable, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {cohortId}");
        var result = new List<CohortMember>();
        await foreach (var entity in members.QueryAsync<CohortMemberEntity>(filter, cancellationToken: cancellationToken))
        {
            result.Add(entity.ToMember());
        }

        return [.. result.OrderBy(member => member.JoinedAt)];
    }

    public async Task<bool> IsMemberAsync(string cohortId, string personKey, CancellationToken cancellationToken)
    {
        var members = await tables.GetAsync(MembersTable, cancellationToken);
        var entity = await members.GetEntityIfExistsAsync<CohortMemberEntity>(cohortId, TableKeys.Encode(personKey), ["PersonKey"], cancellationToken);
        return entity.HasValue;
    }

    /// <summary>
    /// Adds a consenting member; false when they already belong to the cohort. The row starts with
    /// this month's count from their other memberships, so a new cohort does not reset their cap.
    /// </summary>
    public async Task<bool> AddMemberAsync(Cohort cohort, Profile profile, bool reachable, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var members = await tables.GetAsync(MembersTable, cancellationToken);
        var entity = MemberEntity(cohort.Id, profile, now);
        entity.Reachable = reachable;
        entity.Shape = CohortMemberEntity.CurrentShape;
        foreach (var other in (await CohortsOfAsync(profile.PersonKey, cancellationToken)).Where(entry => entry.Role == CohortRole.Member && entry.CohortId != cohort.Id))
        {
            if (await members.GetEntityIfExistsAsync<CohortMemberEntity>(other.CohortId, TableKeys.Encode(profile.PersonKey), cancellationToken: cancellationToken) is { HasValue: true } found)
            {
                var sibling = found.Value!;
                (entity.LoadMonth, entity.AskedInMonth, entity.LastAskedAt, entity.CountedRequests) = (sibling.LoadMonth, sibling.AskedInMonth, sibling.LastAskedAt, sibling.CountedRequests);
                break;
            }
        }

        try
        {
            await members.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }

        var personCohorts = await tables.GetAsync(PersonCohortsTable, cancellationToken);
        await personCohorts.UpsertEntityAsync(new PersonCohortEntity
        {
            PartitionKey = TableKeys.Encode(profile.PersonKey),
            RowKey = cohort.Id,
            PersonKey = profile.PersonKey,
            CohortName = cohort.Name,
            Role = nameof(CohortRole.Member),
            Since = now,
        }, TableUpdateMode.Replace, cancellationToken);
        return true;
    }

    /// <summary>Copies changed topics, languages and availability into every membership row, so matching sees them at once; load and reachability stay.</summary>
    public async Task UpdateMembershipsAsync(Profile profile, CancellationToken cancellationToken)
    {
        var members = await tables.GetAsync(MembersTable, cancellationToken);
        foreach (var cohort in (await CohortsOfAsync(profile.PersonKey, cancellationToken)).Where(cohort => cohort.Role == CohortRole.Member))
        {
            // Replace, not merge: a merge cannot clear a property, and an ended pause must be cleared.
            // A row removed meanwhile (the person left that cohort) is left removed.
            await ReadChangeWrite.RunAsync(async token =>
            {
                var existing = await members.GetEntityIfExistsAsync<CohortMemberEntity>(cohort.CohortId, TableKeys.Encode(profile.PersonKey), cancellationToken: token);
                if (existing.HasValue)
                {
                    await members.UpdateEntityAsync(MemberEntity(cohort.CohortId, profile, existing.Value!.JoinedAt).WithCopiesOf(existing.Value), existing.Value.ETag, TableUpdateMode.Replace, token);
                }

                return WriteAttempt<bool>.Settled(existing.HasValue);
            }, keptLosing: () => false, cancellationToken);
        }
    }

    /// <summary>Removes a membership from both sides; false when there was none.</summary>
    public async Task<bool> RemoveMemberAsync(string cohortId, string personKey, CancellationToken cancellationToken)
    {
        var members = await tables.GetAsync(MembersTable, cancellationToken);
        var personCohorts = await tables.GetAsync(PersonCohortsTable, cancellationToken);
        var existed = await IsMemberAsync(cohortId, personKey, cancellationToken);
        await members.DeleteEntityAsync(cohortId, TableKeys.Encode(personKey), ETag.All, cancellationToken);
        await personCohorts.DeleteEntityAsync(TableKeys.Encode(personKey), cohortId, ETag.All, cancellationToken);
        return existed;
    }

    /// <summary>A new code; the old one stops working at once. Null when the cohort changed meanwhile.</summary>
    public async Task<(Cohort Cohort, string Code)?> RotateCodeAsync(Cohort cohort, CancellationToken cancellationToken)
    {
        var code = await ReserveCodeAsync(cohort.Id, cancellationToken);
        var updated = cohort with { CodeHash = JoinCodes.Hash(code) };
        var saved = await ReplaceAsync(updated, cancellationToken);
        var codes = await tables.GetAsync(JoinCodesTable, cancellationToken);
        if (saved is null)
        {
            await codes.DeleteEntityAsync(JoinCodes.Hash(code), JoinCodeEntity.Row, ETag.All, cancellationToken);
            return null;
        }

        await codes.DeleteEntityAsync(cohort.CodeHash, JoinCodeEntity.Row, ETag.All, cancellationToken);
        await ForgetPostingsAsync(cohort.Id, cancellationToken);
        return (saved, code);
    }

    /// <summary>No new joins; members stay. Null when the cohort changed meanwhile.</summary>
    public Task<Cohort?> CloseAsync(Cohort cohort, CancellationToken cancellationToken) =>
        ReplaceAsync(cohort with { Closed = true }, cancellationToken);

    /// <summary>Deletes the cohort, its code and every membership; returns who were members, to tell them.</summary>
    public async Task<IReadOnlyList<CohortMember>> DeleteAsync(Cohort cohort, CancellationToken cancellationToken)
    {
        var members = await MembersAsync(cohort.Id, cancellationToken);
        foreach (var member in members)
        {
            await RemoveMemberAsync(cohort.Id, member.PersonKey, cancellationToken);
        }

        var codes = await tables.GetAsync(JoinCodesTable, cancellationToken);
        await codes.DeleteEntityAsync(cohort.CodeHash, JoinCodeEntity.Row, ETag.All, cancellationToken);
        await ForgetPostingsAsync(cohort.Id, cancellationToken);
        var cohorts = await tables.GetAsync(CohortsTable, cancellationToken);
        await cohorts.DeleteEntityAsync(cohort.Id, CohortEntity.Row, ETag.All, cancellationToken);

        // The trainer's index row goes last: until then a retry (the forget-me job's, say) still
        // finds the cohort from the trainer and finishes deleting it.
        var personCohorts = await tables.GetAsync(PersonCohortsTable, cancellationToken);
        await personCohorts.DeleteEntityAsync(TableKeys.Encode(cohort.TrainerKey), cohort.Id, ETag.All, cancellationToken);
        return members;
    }

    private async Task<Cohort?> ReplaceAsync(Cohort cohort, CancellationToken cancellationToken)
    {
        var cohorts = await tables.GetAsync(CohortsTable, cancellationToken);
        var entity = CohortEntity.From(cohort);
        try
        {
            var response = await cohorts.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            entity.ETag = response.Headers.ETag ?? default;
            return entity.ToCohort();
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return null;
        }
    }

    private async Task<string> ReserveCodeAsync(string cohortId, CancellationToken cancellationToken)
    {
        var codes = await tables.GetAsync(JoinCodesTable, cancellationToken);
        while (true)
        {
            var code = JoinCodes.New();
            try
            {
                await codes.AddEntityAsync(new JoinCodeEntity { PartitionKey = JoinCodes.Hash(code), CohortId = cohortId }, cancellationToken);
                return code;
            }
            catch (RequestFailedException exception) when (exception.Status == 409)
            {
                // A 60-bit collision: astronomically unlikely, and harmless to retry.
            }
        }
    }

    private static CohortMemberEntity MemberEntity(string cohortId, Profile profile, DateTimeOffset joinedAt) => new()
    {
        PartitionKey = cohortId,
        RowKey = TableKeys.Encode(profile.PersonKey),
        PersonKey = profile.PersonKey,
        Name = profile.Name,
        JoinedAt = joinedAt,
        Topics = TableValues.Join(profile.Topics),
        Languages = TableValues.Join(profile.Languages),
        PausedUntil = profile.PausedUntil,
        MonthlyCap = profile.MonthlyCap,
    };
}
