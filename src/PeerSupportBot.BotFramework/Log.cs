using Microsoft.Extensions.Logging;

namespace PeerSupportBot.BotFramework;

/// <summary>
/// Every log line of the protocol layer. Ids and outcomes only: never a message's text, a card's
/// input or a person's name. Event ids: 1000s hosting, 2000s authentication, 3000s connector.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Warning, "Refused a request body over {Limit} bytes")]
    public static partial void RequestTooLarge(ILogger logger, int limit);

    [LoggerMessage(1002, LogLevel.Warning, "Refused a request whose body is not an activity")]
    public static partial void MalformedActivity(ILogger logger);

    [LoggerMessage(1003, LogLevel.Warning, "Refused an unauthenticated request: {Reason}")]
    public static partial void Unauthenticated(ILogger logger, string reason);

    [LoggerMessage(1004, LogLevel.Debug, "Received a {ActivityType} activity {InvokeName}")]
    public static partial void ActivityReceived(ILogger logger, string activityType, string invokeName);
}
