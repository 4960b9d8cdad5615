using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace PeerSupportBot.BotFramework.Connector;

/// <summary>
/// The connector's resilience pipeline, outermost first: a total timeout, the retry, and a
/// timeout per attempt. Retried are what Teams documents as worth retrying (412, 429, 502, 503,
/// 504) and failures to get any answer; a 500 or 4xx is final.
/// </summary>
internal static class ConnectorResilience
{
    public const string PipelineName = "bot-connector";

    private static readonly HashSet<HttpStatusCode> RetriedStatuses =
    [
        HttpStatusCode.PreconditionFailed,
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<ConnectorOptions>>().Value;
        var time = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<ConnectorClient>();

        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                // Retry-After is read by DelayGenerator below, which also caps it.
                ShouldRetryAfterHeader = false,
                ShouldHandle = arguments => ValueTask.FromResult(ShouldRetry(arguments.Outcome)),
                DelayGenerator = arguments => ValueTask.FromResult(RetryAfterDelay(arguments.Outcome.Result, time.GetUtcNow(), options.MaxRetryDelay)),
                OnRetry = arguments =>
                {
                    LogRetry(logger, arguments);
                    return ValueTask.CompletedTask;
                },
            });
        }

        pipeline.AddTimeout(options.AttemptTimeout);
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? RetriedStatuses.Contains(response.StatusCode)
            : outcome.Exception is HttpRequestException or TimeoutRejectedException;

    /// <summary>
    /// The wait a Retry-After header asks for, as seconds or as a date, capped at
    /// <paramref name="cap"/>; null when there is none, so the exponential backoff applies.
    /// </summary>
    internal static TimeSpan? RetryAfterDelay(HttpResponseMessage? response, DateTimeOffset now, TimeSpan cap)
    {
        var retryAfter = response?.Headers.RetryAfter;
        TimeSpan? asked = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => null,
        };

        if (asked is not { } wait)
        {
            return null;
        }

        if (wait < TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        return wait > cap ? cap : wait;
    }

    private static void LogRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> arguments)
    {
        var request = arguments.Context.GetRequestMessage();
        var operation = request is not null && request.Options.TryGetValue(ConnectorClient.OperationKey, out var name) ? name : "unknown";
        var failure = arguments.Outcome.Result is { } response
            ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : arguments.Outcome.Exception?.GetType().Name ?? "unknown";
        Log.ConnectorRetrying(logger, operation, failure, arguments.AttemptNumber + 1, (long)arguments.RetryDelay.TotalMilliseconds);
        if (request is not null && request.Options.TryGetValue(ConnectorClient.TelemetryKey, out var telemetry))
        {
            telemetry.Retrying(arguments.AttemptNumber + 1, failure);
        }
    }
}
