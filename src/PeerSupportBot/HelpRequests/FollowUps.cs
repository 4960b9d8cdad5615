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
        // The asker and the helper may answer at the same moment: each marks the request row, and the
        // one who lost that race reads again (ReadChangeWrite) rather than losing their answer.
        var outcome = await ReadChangeWrite.RunAsync(async token =>
        {
            var request = await store.FindAsync(requestId, token);
            if (request is not { Status: RequestStatus.Accepted, AcceptedBy: { } helperKey } || !Answers.Contains(answer)
                || (personKey != request.AskerKey && personKey != helperKey))
            {
                return WriteAttempt<FeedbackOutcome>.Settled(FeedbackOutcome.NotTheirs);
            }

            var isAsker = personKey == request.AskerKey;
            if (isAsker ? request.AskerGaveFeedback : request.HelperGaveFeedback)
            {
                return WriteAttempt<FeedbackOutcome>.Settled(FeedbackOutcome.AlreadyCounted);
            }

            return await store.TryUpdateAsync(isAsker ? request with { AskerGaveFeedback = true } : request with { HelperGaveFeedback = true }, token) is null
                ? WriteAttempt<FeedbackOutcome>.Lost()
                : WriteAttempt<FeedbackOutcome>.Settled(new FeedbackOutcome(FeedbackOutcome.Kinds.Counted, request.AskerKey, helperKey));
        }, keptLosing: () => FeedbackOutcome.AlreadyCounted, cancellationToken);

        if (outcome.Kind != FeedbackOutcome.Kinds.Counted)
        {
            return outcome.Kind == FeedbackOutcome.Kinds.AlreadyCounted;
        }

        var askerCohorts = (await cohorts.CohortsOfAsync(outcome.AskerKey, cancellationToken)).Select(entry => entry.CohortId).ToHashSet(StringComparer.Ordinal);
        var shared = (await cohorts.CohortsOfAsync(outcome.HelperKey, cancellationToken)).FirstOrDefault(entry => askerCohorts.Contains(entry.CohortId));
        if (shared is not null)
        {
            await IncrementAsync(shared.CohortId, answer!, cancellationToken);
        }

        return true;
    }

    /// <summary>Whether this answer is to be counted, and for which pair.</summary>
    private sealed record FeedbackOutcome(FeedbackOutcome.Kinds Kind, string AskerKey = "", string HelperKey = "")
    {
        public enum Kinds
        {
            NotTheirs,
            AlreadyCounted,
            Counted,
        }

        public static FeedbackOutcome NotTheirs { get; } = new(Kinds.NotTheirs);

        public static FeedbackOutcome AlreadyCounted { get; } = new(Kinds.AlreadyCounted);
    }

    private async Task IncrementAsync(string cohortId, string answer, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.IncrementAsync(cohortId, answer, null, cancellationToken);
    }
}
