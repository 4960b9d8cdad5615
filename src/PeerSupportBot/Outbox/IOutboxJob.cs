namespace PeerSupportBot.Outbox;

/// <summary>
/// Work the outbox carries out rather than a post: what a turn started and must see finished
/// even when the turn could not finish it (a forget-me cut short by storage, say). A job runs
/// until it succeeds, so every run must be safe to repeat, and two runs at once must be harmless.
/// Each feature registers its kinds with <c>AddOutboxJob</c>.
/// </summary>
internal interface IOutboxJob
{
    Task RunAsync(OutboxMessage message, CancellationToken cancellationToken);
}

/// <summary>A job this turn queued, hidden from the worker: what it needs to delete it, or show it at once.</summary>
internal sealed record QueuedJob(string MessageId, string PopReceipt);
