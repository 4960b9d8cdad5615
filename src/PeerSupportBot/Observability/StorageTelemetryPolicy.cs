using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PeerSupportBot.Observability;

/// <summary>
/// Wraps each table call (per call, so retries fall inside it) in a "storage.{operation}" span and
/// records its duration and status. The request URI never reaches telemetry: its path holds
/// partition and row keys, and its query holds filters naming them.
/// </summary>
internal sealed class StorageTelemetryPolicy(StorageTelemetry telemetry) : HttpPipelinePolicy
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var call = Start(message);
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        catch (Exception exception) when (call.Failed(exception))
        {
            throw;
        }
        finally
        {
            call.Finish(message);
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var call = Start(message);
        try
        {
            ProcessNext(message, pipeline);
        }
        catch (Exception exception) when (call.Failed(exception))
        {
            throw;
        }
        finally
        {
            call.Finish(message);
        }
    }

    /// <summary>True while a storage span is the current one or an ancestor of it.</summary>
    public static bool IsInsideStorageCall()
    {
        for (var activity = Activity.Current; activity is not null; activity = activity.Parent)
        {
            if (activity.Source == StorageTelemetry.Source)
            {
                return true;
            }
        }

        return false;
    }

    private StorageCall Start(HttpMessage message)
    {
        var request = message.Request;
        var operation = StorageOperation.Of(request.Method.Method, request.Uri.ToUri(), request.Headers.Contains("If-Match"));
        var span = StorageTelemetry.Source.StartActivity("storage." + operation.Name, ActivityKind.Client);
        span?.SetTag(StorageTelemetry.OperationTag, operation.Name);
        span?.SetTag(StorageTelemetry.TableTag, operation.Table);
        span?.SetTag("server.address", request.Uri.Host);
        return new StorageCall(telemetry, operation, span);
    }

    private sealed class StorageCall(StorageTelemetry telemetry, StorageOperation operation, Activity? span)
    {
        private readonly long _startedAt = Stopwatch.GetTimestamp();
        private string? _errorType;

        public bool Failed(Exception exception)
        {
            _errorType = exception.GetType().FullName;
            return false;
        }

        public void Finish(HttpMessage message)
        {
            int? status = message.HasResponse ? message.Response.Status : null;
            var tags = new TagList
            {
                { StorageTelemetry.OperationTag, operation.Name },
                { StorageTelemetry.TableTag, operation.Table },
            };
            if (status is { } answered)
            {
                tags.Add(StorageTelemetry.StatusCodeTag, answered);
            }

            // 404, 409 and 412 are answers the stores act on (absent row, lost ETag race), not faults.
            var failed = _errorType is not null || status is null or >= 500;
            var errorType = _errorType ?? (failed ? status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no_response" : null);
            if (errorType is not null)
            {
                tags.Add(StorageTelemetry.ErrorTypeTag, errorType);
            }

            telemetry.Calls.Add(1, tags);
            telemetry.CallDuration.Record(Stopwatch.GetElapsedTime(_startedAt).TotalSeconds, tags);

            if (span is null)
            {
                return;
            }

            if (status is { } code)
            {
                span.SetTag(StorageTelemetry.StatusCodeTag, code);
            }

            if (failed)
            {
                span.SetTag(StorageTelemetry.ErrorTypeTag, errorType);
                span.SetStatus(ActivityStatusCode.Error);
            }

            span.Dispose();
        }
    }
}
