namespace PeerSupportBot;

/// <summary>
/// Every log line of the app. Ids, kinds and outcomes only: never what a person wrote, never a
/// name. Event ids: 100s conversation, 200s welcome.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(101, LogLevel.Information, "A message in a {ConversationType} conversation started an ask")]
    public static partial void AskStarted(ILogger logger, string conversationType);

    [LoggerMessage(102, LogLevel.Information, "Command {Command} in language {Language}")]
    public static partial void CommandReceived(ILogger logger, string command, string language);

    [LoggerMessage(201, LogLevel.Information, "Greeted a new {ConversationType} installation")]
    public static partial void Greeted(ILogger logger, string conversationType);

    [LoggerMessage(202, LogLevel.Debug, "A {ConversationType} installation was already greeted")]
    public static partial void AlreadyGreeted(ILogger logger, string conversationType);

    [LoggerMessage(103, LogLevel.Information, "Card action {Verb} in language {Language}")]
    public static partial void CardActionReceived(ILogger logger, string verb, string language);

    [LoggerMessage(104, LogLevel.Warning, "A card action with an unknown verb was refused")]
    public static partial void UnknownVerb(ILogger logger);

    [LoggerMessage(301, LogLevel.Information, "A person could not be reached: they blocked or removed the app")]
    public static partial void RecipientUnreachable(ILogger logger);

    [LoggerMessage(302, LogLevel.Warning, "A notification could not be sent: connector status {Status}")]
    public static partial void NotificationFailed(ILogger logger, int status);

    [LoggerMessage(401, LogLevel.Information, "A help request reached {Asked} of {Chosen} colleagues")]
    public static partial void RequestSent(ILogger logger, int asked, int chosen);

    [LoggerMessage(402, LogLevel.Information, "A helper accepted: two colleagues were introduced")]
    public static partial void Introduced(ILogger logger);

    [LoggerMessage(403, LogLevel.Information, "The sweep handled {Count} due deadlines")]
    public static partial void SweepHandled(ILogger logger, int count);

    [LoggerMessage(404, LogLevel.Error, "The sweep failed; it tries again at the next interval")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
