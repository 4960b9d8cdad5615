using Azure;
using Azure.Storage.Queues;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PeerSupportBot.Storage;

/// <summary>Healthy when the queue service (the outbox) answers a one-item listing within a few seconds.</summary>
internal sealed class QueueStorageHealthCheck(QueueServiceClient service) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await foreach (var _ in service.GetQueuesAsync(cancellationToken: timeout.Token).AsPages(pageSizeHint: 1))
            {
                break;
            }

            return HealthCheckResult.Healthy("Queue storage answers.");
        }
        catch (Exception exception) when (exception is RequestFailedException or OperationCanceledException or AggregateException or HttpRequestException)
        {
            return HealthCheckResult.Unhealthy("Queue storage does not answer.", exception);
        }
    }
}
