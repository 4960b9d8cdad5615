using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Outbox;
using PeerSupportBot.Storage;

namespace PeerSupportBot.HelpRequests;

/// <summary>
/// A day after an introduction both get a one-tap "Did it help?". Only counts per cohort are kept:
/// FeedbackCounts, PartitionKey = cohort id, RowKey = answer.
/// </summary>
internal sealed class FollowUps(HelpRequestStore store, CohortStore cohorts, OutboxQueue outbox, Tables tables)
{
    private const string TableName = "FeedbackCounts";
    private static readonly string[] Answers = [FeedbackAnswers.Yes, FeedbackAnswers.Somewhat, FeedbackAnswers.No];

    public async Task AskAsync(string requestId, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(requestId, cancellationToken) is not { Status: RequestStatus.Accepted, AcceptedBy: { } helperKey } request)
        {
            return;
        }

        await outbox.EnqueueAsync(HelpRequestPosts.DidItHelpTo(request.Id, request.AskerKey, DidItHelpComposer.AskerRole), null, cancellationToken);
        await outbox.EnqueueAsync(HelpRequestPosts.DidItHelpTo(request.Id, helperKey, DidItHelpComposer.HelperRole), null, cancellationToken);
    }

    /// <summary>Counts one answer per person per request; false when the person was not part of the introduction.</summary>
    public async Task<bool> RecordAsync(string? requestId, string personKey, string? answer, CancellationToken cancellationToken)
    {
        var request = await store.FindAsync(requestId, cancellationToken);
        if (request is not { Status: RequestStatus.Accepted, AcceptedBy: { } helperKey } || !Answers.Contains(answer)
            || (personKey != request.AskerKey && personKey != helperKey))
        {
            return false;
        }

        var isAsker = personKey == request.AskerKey;
        if (isAsker ? request.AskerGaveFeedback : request.HelperGaveFeedback)
        {
            return true;
        }

        if (await store.TryUpdateAsync(isAsker ? request with { AskerGaveFeedback = true } : request with { HelperGaveFeedback = true }, cancellationToken) is null)
        {
            return true;
        }

        var askerCohorts = (await cohorts.CohortsOfAsync(request.AskerKey, cancellationToken)).Select(entry => entry.CohortId).ToHashSet(StringComparer.Ordinal);
        var shared = (await cohorts.CohortsOfAsync(helperKey, cancellationToken)).FirstOrDefault(entry => askerCohorts.Contains(entry.CohortId));
        if (shared is not null)
        {
            await IncrementAsync(shared.CohortId, answer!, cancellationToken);
        }

        return true;
    }

    private async Task IncrementAsync(string cohortId, string answer, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.IncrementAsync(cohortId, answer, null, cancellationToken);
    }
}
