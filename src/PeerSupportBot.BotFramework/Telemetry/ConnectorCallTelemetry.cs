using System.Diagnostics;

namespace PeerSupportBot.BotFramework.Telemetry;

/// <summary>
/// The span and measurements of one connector call, retries included: the operation, the host it
/// went to, the final status, the outcome and how many attempts were retried. The request URI is
/// not recorded: its path holds conversation, activity and member ids.
/// </summary>
internal sealed class ConnectorCallTelemetry : IDisposable
{
    private readonly BotFrameworkMetrics _metrics;
    private readonly string _operation;
    private readonly Activity? _span;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private string _outcome = ConnectorOutcomes.Failed;
    private int? _status;
    private int _retries;
    private string? _errorType;

    private ConnectorCallTelemetry(BotFrameworkMetrics metrics, string operation, Uri uri)
    {
        _metrics = metrics;
        _operation = operation;
        _span = BotFrameworkTelemetry.Source.StartActivity(SpanName(operation), ActivityKind.Client);
        _span?.SetTag(TelemetryTags.ConnectorOperation, operation);
        _span?.SetTag(TelemetryTags.ServerAddress, uri.Host);
    }

    public static ConnectorCallTelemetry Start(BotFrameworkMetrics metrics, string operation, Uri uri) => new(metrics, operation, uri);

    /// <summary>"connector.send" and the like: low-cardinality names for the operations of <see cref="Connector.IConnectorClient"/>.</summary>
    public static string SpanName(string operation) => operation switch
    {
        "ReplyToActivity" => "connector.reply",
        "SendToConversation" => "connector.send",
        "UpdateActivity" => "connector.update",
        "DeleteActivity" => "connector.delete",
        "CreateConversation" => "connector.create_conversation",
        "GetMember" => "connector.get_member",
        "GetPagedMembers" => "connector.get_paged_members",
        _ => "connector.call",
    };

    /// <summary>The connector answered; the outcome says what the answer meant.</summary>
    public void Answered(int status, string outcome)
    {
        _status = status;
        _outcome = outcome;
    }

    /// <summary>No answer came (the connection failed or every attempt timed out).</summary>
    public void NoAnswer(Exception exception)
    {
        _outcome = ConnectorOutcomes.NoAnswer;
        _errorType = exception.GetType().FullName;
    }

    /// <summary>An attempt failed and is retried; <paramref name="failure"/> is its status code or exception type.</summary>
    public void Retrying(int retry, string failure)
    {
        _retries = retry;
        _metrics.ConnectorRetries.Add(1, new TagList { { TelemetryTags.ConnectorOperation, _operation }, { TelemetryTags.RetryFailure, failure } });
        _span?.AddEvent(new ActivityEvent("connector.retry", tags: new ActivityTagsCollection
        {
            [TelemetryTags.RetryCount] = retry,
            [TelemetryTags.RetryFailure] = failure,
        }));
    }

    /// <summary>Notes an exception on its way out, by type only. Always false, for an exception filter.</summary>
    public bool Failed(Exception exception)
    {
        _errorType ??= exception.GetType().FullName;
        return false;
    }

    public void Dispose()
    {
        var tags = new TagList
        {
            { TelemetryTags.ConnectorOperation, _operation },
            { TelemetryTags.Outcome, _outcome },
        };
        if (_status is { } status)
        {
            tags.Add(TelemetryTags.StatusCode, status);
        }

        if (_errorType is not null)
        {
            tags.Add(TelemetryTags.ErrorType, _errorType);
        }

        _metrics.ConnectorCalls.Add(1, tags);
        _metrics.ConnectorCallDuration.Record(Stopwatch.GetElapsedTime(_startedAt).TotalSeconds, tags);

        if (_span is null)
        {
            return;
        }

        _span.SetTag(TelemetryTags.Outcome, _outcome);
        _span.SetTag(TelemetryTags.RetryCount, _retries);
        if (_status is { } answered)
        {
            _span.SetTag(TelemetryTags.StatusCode, answered);
        }

        if (_outcome is not (ConnectorOutcomes.Succeeded or ConnectorOutcomes.Unreachable))
        {
            _span.SetTag(TelemetryTags.ErrorType, _errorType ?? _status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? _outcome);
            _span.SetStatus(ActivityStatusCode.Error);
        }

        _span.Dispose();
    }
}

/// <summary>What a connector call came to.</summary>
internal static class ConnectorOutcomes
{
    public const string Succeeded = "succeeded";

    /// <summary>The recipient blocked or removed the bot: an answer the app acts on, not an error.</summary>
    public const string Unreachable = "unreachable";

    /// <summary>An error status, or an exception before any answer (a token that could not be had).</summary>
    public const string Failed = "failed";

    /// <summary>A success status with a body that was not the expected JSON.</summary>
    public const string InvalidResponse = "invalid_response";

    public const string NoAnswer = "no_answer";
}
