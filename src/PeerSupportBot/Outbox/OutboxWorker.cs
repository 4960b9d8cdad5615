using Microsoft.Extensions.Options;

namespace PeerSupportBot.Outbox;

/// <summary>
/// Drains the outbox in the bot process: wakes at once when this process enqueues, and polls for
/// what other instances left (or what was there before a restart). Several instances may share
/// one queue: each message is hidden from the others while one delivers it.
/// </summary>
internal sealed class OutboxWorker(OutboxQueue queue, IServiceScopeFactory scopes, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger) : BackgroundService
{
    private const int BatchSize = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var batch = await queue.ReceiveAsync(BatchSize, stoppingToken);
                if (batch.Count == 0)
                {
                    await queue.WaitForWorkAsync(settings.PollInterval, stoppingToken);
                    continue;
                }

                await Parallel.ForEachAsync(batch, new ParallelOptions { MaxDegreeOfParallelism = settings.MaxParallelDeliveries, CancellationToken = stoppingToken }, async (message, cancellationToken) =>
                {
                    try
                    {
                        await using var scope = scopes.CreateAsyncScope();
                        await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().DeliverAsync(message, cancellationToken);
                    }
                    catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                    {
                        // The message stays in the queue: given back after its backoff (OutboxDelivery), or back when its visibility ends.
                        Log.OutboxDeliveryFailed(logger, exception.GetType().Name);
                    }
                });
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.OutboxReadFailed(logger, exception.GetType().Name);
                await queue.WaitForWorkAsync(settings.PollInterval, stoppingToken);
            }
        }
    }
}
