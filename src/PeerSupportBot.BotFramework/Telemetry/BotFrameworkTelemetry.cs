using System.Diagnostics;

namespace PeerSupportBot.BotFramework.Telemetry;

/// <summary>
/// The names under which the protocol layer emits OpenTelemetry-compatible traces and metrics,
/// for an app to subscribe to (<c>AddSource</c>, <c>AddMeter</c>). Spans and measurements carry
/// activity types, invoke names, channel and conversation types, connector operations, statuses
/// and outcomes: never a message's text, a person's name or any id.
/// </summary>
public static class BotFrameworkTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name: a span per incoming activity and per connector call.</summary>
    public const string ActivitySourceName = "PeerSupportBot.BotFramework";

    /// <summary>The meter name: activities received, connector calls and retries, and their durations.</summary>
    public const string MeterName = "PeerSupportBot.BotFramework";

    internal static readonly ActivitySource Source = new(ActivitySourceName);
}
