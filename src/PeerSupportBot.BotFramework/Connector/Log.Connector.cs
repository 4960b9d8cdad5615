using Microsoft.Extensions.Logging;

namespace PeerSupportBot.BotFramework;

// The connector's part of the project's one Log class (event ids 3000s), in its own file so the
// areas can grow without editing each other's lines. Operation names, statuses and error codes
// only: no ids of people or conversations, no bodies, no tokens.
internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Warning, "Connector {Operation} failed with {Failure}; retry {Retry} in {DelayMilliseconds} ms")]
    public static partial void ConnectorRetrying(ILogger logger, string operation, string failure, int retry, long delayMilliseconds);

    [LoggerMessage(3002, LogLevel.Warning, "Connector {Operation} answered {StatusCode} {ErrorCode}")]
    public static partial void ConnectorCallFailed(ILogger logger, string operation, int statusCode, string? errorCode);

    [LoggerMessage(3003, LogLevel.Information, "Connector {Operation}: the recipient blocked the bot or removed the app ({ErrorCode})")]
    public static partial void ConnectorRecipientUnreachable(ILogger logger, string operation, string? errorCode);

    [LoggerMessage(3004, LogLevel.Warning, "Connector {Operation} got no answer")]
    public static partial void ConnectorNoAnswer(ILogger logger, string operation, Exception exception);

    [LoggerMessage(3005, LogLevel.Debug, "Outbound token acquired by {Source}, valid until {ExpiresOn:O}")]
    public static partial void OutboundTokenAcquired(ILogger logger, string source, DateTimeOffset expiresOn);

    [LoggerMessage(3006, LogLevel.Warning, "Refreshing the outbound token by {Source} failed; the current one stays valid until {ExpiresOn:O}")]
    public static partial void OutboundTokenRefreshFailed(ILogger logger, string source, DateTimeOffset expiresOn, Exception exception);

    [LoggerMessage(3007, LogLevel.Error, "No outbound token could be acquired by {Source}")]
    public static partial void OutboundTokenUnavailable(ILogger logger, string source, Exception exception);

    [LoggerMessage(3008, LogLevel.Warning, "Connector {Operation} answered {StatusCode} with a body that is not the expected JSON")]
    public static partial void ConnectorInvalidResponse(ILogger logger, string operation, int statusCode);

    [LoggerMessage(3009, LogLevel.Warning, "Connector {Operation} not sent: the service URL is not on Connector:AllowedServiceHosts (https only)")]
    public static partial void ConnectorServiceUrlRefused(ILogger logger, string operation);
}
