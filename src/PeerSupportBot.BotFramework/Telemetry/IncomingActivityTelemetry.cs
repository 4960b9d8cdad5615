using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using BotActivity = PeerSupportBot.BotFramework.Schema.Activity;

namespace PeerSupportBot.BotFramework.Telemetry;

/// <summary>
/// The span and measurements of one request to the messages endpoint. What is recorded is the
/// activity's kind (type, invoke name, channel, conversation type, each from a closed set), how
/// far the request got (<see cref="IncomingOutcomes"/>) and the response status. Nothing else of
/// the activity is read: not its text, not who sent it, not its ids.
/// </summary>
internal sealed class IncomingActivityTelemetry : IDisposable
{
    private readonly BotFrameworkMetrics _metrics;
    private readonly Activity? _span;
    private readonly long _startedAt = Stopwatch.GetTimestamp();
    private string _activityType = TelemetryTags.None;
    private string _outcome = IncomingOutcomes.Authenticated;
    private int _status = StatusCodes.Status500InternalServerError;
    private string? _errorType;

    private IncomingActivityTelemetry(BotFrameworkMetrics metrics)
    {
        _metrics = metrics;
        _span = BotFrameworkTelemetry.Source.StartActivity("bot.activity", ActivityKind.Internal);
    }

    public static IncomingActivityTelemetry Start(BotFrameworkMetrics metrics) => new(metrics);

    /// <summary>Records what kind of activity this is, once it parsed.</summary>
    public void Describe(BotActivity activity)
    {
        _activityType = TelemetryTags.OfActivityType(activity.Type);
        if (_span is not { IsAllDataRequested: true } span)
        {
            return;
        }

        span.DisplayName = "bot.activity " + _activityType;
        span.SetTag(TelemetryTags.ActivityType, _activityType);
        span.SetTag(TelemetryTags.InvokeName, TelemetryTags.OfInvokeName(activity.Name));
        span.SetTag(TelemetryTags.Channel, TelemetryTags.OfChannel(activity.ChannelId));
        span.SetTag(TelemetryTags.ConversationType, TelemetryTags.OfConversationType(activity.Conversation?.ConversationType));
    }

    /// <summary>Records how the request ended: how far it got and the status it was answered with.</summary>
    public void Complete(string outcome, int status, string? refusalReason = null)
    {
        _outcome = outcome;
        _status = status;
        if (refusalReason is not null)
        {
            _span?.SetTag(TelemetryTags.RefusalReason, refusalReason);
        }
    }

    /// <summary>
    /// Notes an exception on its way out, by type only (a message can quote what a person wrote).
    /// Always false, so it can sit in an exception filter without catching anything.
    /// </summary>
    public bool Failed(Exception exception)
    {
        _errorType = exception.GetType().FullName;
        return false;
    }

    public void Dispose()
    {
        var elapsed = Stopwatch.GetElapsedTime(_startedAt).TotalSeconds;
        var tags = new TagList
        {
            { TelemetryTags.ActivityType, _activityType },
            { TelemetryTags.Outcome, _outcome },
            { TelemetryTags.StatusCode, _status },
        };
        if (_errorType is not null)
        {
            tags.Add(TelemetryTags.ErrorType, _errorType);
        }

        _metrics.ActivitiesReceived.Add(1, tags);
        _metrics.ActivityDuration.Record(elapsed, tags);

        if (_span is null)
        {
            return;
        }

        _span.SetTag(TelemetryTags.Outcome, _outcome);
        _span.SetTag(TelemetryTags.StatusCode, _status);
        if (_errorType is not null || _status >= StatusCodes.Status500InternalServerError)
        {
            _span.SetTag(TelemetryTags.ErrorType, _errorType ?? _status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _span.SetStatus(ActivityStatusCode.Error);
        }

        _span.Dispose();
    }
}

/// <summary>How far a request to the messages endpoint got.</summary>
internal static class IncomingOutcomes
{
    /// <summary>Refused for its size before it was read (413).</summary>
    public const string TooLarge = "too_large";

    /// <summary>The body was not an activity (400).</summary>
    public const string Malformed = "malformed";

    /// <summary>Authentication failed (401).</summary>
    public const string Refused = "refused";

    /// <summary>Authenticated, but from a tenant the bot does not serve: acknowledged and ignored (200).</summary>
    public const string TenantNotServed = "tenant_not_served";

    /// <summary>Authenticated and handed to the activity handler; the status says how that went.</summary>
    public const string Authenticated = "authenticated";
}
