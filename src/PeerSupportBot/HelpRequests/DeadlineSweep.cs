using Microsoft.Extensions.Options;

namespace PeerSupportBot.HelpRequests;

/// <summary>
/// Handles what is due: expiries, follow-ups, deletion of closed requests. The deadlines live in
/// storage, so a restarted bot (or another instance) picks up where this one stopped.
/// </summary>
internal sealed class DeadlineSweep(Deadlines deadlines, RequestChanges requests, FollowUps followUps, HelpRequestStore store, Storage.AttemptCounter attempts, TimeProvider time, ILogger<DeadlineSweep> logger)
{
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var due = await deadlines.DueAsync(time.GetUtcNow(), cancellationToken);
        foreach (var deadline in due)
        {
            switch (deadline.Kind)
            {
                case DeadlineKind.Expire:
                    await requests.ExpireAsync(deadline.RequestId, cancellationToken);
                    break;
                case DeadlineKind.FollowUp:
                    await followUps.AskAsync(deadline.RequestId, cancellationToken);
                    break;
                case DeadlineKind.Purge:
                    await store.DeleteAsync(deadline.RequestId, cancellationToken);
                    break;
            }

            await deadlines.RemoveAsync(deadline, cancellationToken);
        }

        if (due.Count > 0)
        {
            Log.SweepHandled(logger, due.Count);
        }

        // Throttle rows are about people who may never have consented: they go when their window ends.
        await attempts.PurgeExpiredAsync(Cohorts.JoinThrottle.Limit, cancellationToken);
        await attempts.PurgeExpiredAsync(Asking.AskThrottle.Limit, cancellationToken);

        return due.Count;
    }
}

/// <summary>Runs the sweep at start and then every interval.</summary>
internal sealed class DeadlineSweepService(IServiceScopeFactory scopes, IOptions<HelpRequestOptions> options, TimeProvider time, ILogger<DeadlineSweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DeadlineSweep>().SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.SweepFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
