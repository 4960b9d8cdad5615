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

    [LoggerMessage(1005, LogLevel.Warning, "Ignored a {ActivityType} activity from a tenant that is not served (Teams:AllowedTenants)")]
    public static partial void TenantNotServed(ILogger logger, string activityType);

    [LoggerMessage(2006, LogLevel.Information, "Serving activities from any tenant (multi-tenant bot, Teams:AllowedTenants empty)")]
    public static partial void ServingAnyTenant(ILogger logger);

    [LoggerMessage(2007, LogLevel.Information, "Serving activities only from the tenants {Tenants} (Teams:AllowedTenants)")]
    public static partial void ServingTenants(ILogger logger, string tenants);

    [LoggerMessage(2001, LogLevel.Warning, "no MicrosoftAppId: accepting unauthenticated requests from loopback only")]
    public static partial void LoopbackOnlyDevelopmentMode(ILogger logger);

    [LoggerMessage(2002, LogLevel.Information, "Validating inbound tokens for app {AppId} with keys from {ChannelMetadata} and {EntraMetadata}")]
    public static partial void ValidatingTokens(ILogger logger, string appId, Uri channelMetadata, Uri entraMetadata);

    [LoggerMessage(2003, LogLevel.Information, "Fetched OpenID metadata from {Address}: {KeyCount} keys")]
    public static partial void MetadataFetched(ILogger logger, Uri address, int keyCount);

    [LoggerMessage(2004, LogLevel.Warning, "Could not fetch OpenID metadata from {Address}")]
    public static partial void MetadataFetchFailed(ILogger logger, Uri address, Exception exception);

    [LoggerMessage(2005, LogLevel.Debug, "Not refetching OpenID metadata from {Address} for an unknown key id: fetched too recently")]
    public static partial void MetadataRefreshThrottled(ILogger logger, Uri address);
}
