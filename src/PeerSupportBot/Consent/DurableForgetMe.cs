using PeerSupportBot.Outbox;

namespace PeerSupportBot.Consent;

/// <summary>
/// Forget-me as the press does it, so that once it is acknowledged it finishes by itself: first
/// a durable job is queued (<see cref="ForgetMeJob"/>), hidden from the worker; then the press
/// does the work itself and deletes the job. If the work fails part way (storage stopped
/// answering, the turn ran out of time), the job is shown to the worker at once, and the worker
/// runs it until it succeeds. Only when queuing the job fails has nothing changed, and the
/// person is asked to try again (the failure reaches the turn's safety net).
/// </summary>
internal sealed class DurableForgetMe(ForgetMe forgetMe, OutboxQueue outbox, ILogger<DurableForgetMe> logger)
{
    /// <summary>
    /// Longer than a turn may take (PeerSupportActivityHandler.TurnBudget, 8 s), so the worker
    /// never runs the job beside the press that does the same work; short enough that a job the
    /// press could neither finish nor show is still done within a minute.
    /// </summary>
    public static readonly TimeSpan HiddenFor = TimeSpan.FromSeconds(30);

    // Showing the job is the press's last request, made after the turn's own budget may have run
    // out: it gets time of its own, as long as Teams still waits for the answer (about 15 s).
    private static readonly TimeSpan ShowBudget = TimeSpan.FromSeconds(5);

    public async Task<ForgetMeOutcome> ForgetAsync(string personKey, CancellationToken cancellationToken)
    {
        var job = await outbox.EnqueueJobAsync(ForgetMeJob.For(personKey), HiddenFor, cancellationToken);
        try
        {
            await forgetMe.ForgetAsync(personKey, cancellationToken);
        }
        catch (Exception exception)
        {
            // Whatever stopped it, the job does it all again: every step is safe to repeat.
            Log.ForgetMeHandedOver(logger, exception.GetType().Name);
            await ShowAsync(job);
            return ForgetMeOutcome.Finishing;
        }

        try
        {
            await outbox.DeleteAsync(job, cancellationToken);
        }
        catch (Exception)
        {
            // Everything is deleted already; the job, run once more, finds nothing left to do.
            await ShowAsync(job);
        }

        return ForgetMeOutcome.Forgotten;
    }

    private async Task ShowAsync(QueuedJob job)
    {
        using var budget = new CancellationTokenSource(ShowBudget, TimeProvider.System);
        try
        {
            await outbox.ShowNowAsync(job, budget.Token);
        }
        catch (Exception exception)
        {
            // Best effort (storage is failing already): the job shows by itself when its hiding ends.
            Log.ForgetMeJobStaysHidden(logger, exception.GetType().Name, HiddenFor);
        }
    }
}

/// <summary>What the person is told: everything is gone, or the rest goes by itself shortly.</summary>
internal enum ForgetMeOutcome
{
    Forgotten,
    Finishing,
}
