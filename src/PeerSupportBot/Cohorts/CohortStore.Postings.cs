using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Cohorts;

/// <summary>Where a cohort's invitation was posted (CohortPostings), beside the cohort's other rows.</summary>
internal sealed partial class CohortStore
{
    /// <summary>
    /// Remembers that the cohort's invitation was posted in a course chat, so its Join button works
    /// there without the code (which is never stored). A new code withdraws every posted invitation.
    /// CohortPostings: PartitionKey = cohort id, RowKey = conversation id.
    /// </summary>
    public async Task RecordPostingAsync(string cohortId, string conversationId, CancellationToken cancellationToken)
    {
        var postings = await tables.GetAsync(PostingsTable, cancellationToken);
        await postings.UpsertEntityAsync(new TableEntity(cohortId, TableKeys.Encode(conversationId)) { ["PostedAt"] = time.GetUtcNow() }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<bool> WasPostedToAsync(string cohortId, string conversationId, CancellationToken cancellationToken)
    {
        var postings = await tables.GetAsync(PostingsTable, cancellationToken);
        var entity = await postings.GetEntityIfExistsAsync<TableEntity>(cohortId, TableKeys.Encode(conversationId), ["PostedAt"], cancellationToken);
        return entity.HasValue;
    }

    private async Task ForgetPostingsAsync(string cohortId, CancellationToken cancellationToken)
    {
        var postings = await tables.GetAsync(PostingsTable, cancellationToken);
        await foreach (var entity in postings.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {cohortId}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            await postings.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken);
        }
    }
}
