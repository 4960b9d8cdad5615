using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PeerSupportBot.Storage;

/// <summary>Healthy when the table service answers a one-item listing within a few seconds.</summary>
internal sealed class TableStorageHealthCheck(TableServiceClient service) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await foreach (var _ in service.QueryAsync(maxPerPage: 1, cancellationToken: timeout.Token).AsPages())
            {
                break;
            }

            return HealthCheckResult.Healthy("Table storage answers.");
        }
        catch (Exception exception) when (exception is RequestFailedException or OperationCanceledException or AggregateException or HttpRequestException)
        {
            return HealthCheckResult.Unhealthy("Table storage does not answer.", exception);
        }
    }
}
