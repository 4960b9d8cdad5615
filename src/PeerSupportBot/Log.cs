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

    [LoggerMessage(105, LogLevel.Error, "A {ActivityType} turn failed with {Exception}; the person was asked to try again")]
    public static partial void TurnFailed(ILogger logger, string activityType, string exception);

    [LoggerMessage(106, LogLevel.Warning, "Could not tell the person to try again: {Exception}")]
    public static partial void ApologyFailed(ILogger logger, string exception);

    [LoggerMessage(107, LogLevel.Debug, "An automatic refresh of {Verb} was answered without acting")]
    public static partial void RefreshIgnored(ILogger logger, string verb);

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

    [LoggerMessage(501, LogLevel.Warning, "An outbox message could not be read; it was dropped")]
    public static partial void OutboxMessageUnreadable(ILogger logger);

    [LoggerMessage(523, LogLevel.Warning, "An outbox {Kind} message is of a kind this version does not know; it is left for an instance that does")]
    public static partial void OutboxKindUnknown(ILogger logger, string kind);

    [LoggerMessage(502, LogLevel.Information, "An outbox {Kind} message had been delivered already; not posted again")]
    public static partial void OutboxAlreadyDelivered(ILogger logger, string kind);

    [LoggerMessage(503, LogLevel.Warning, "The sealed text of an outbox {Kind} message could not be unsealed (another key?); posting without it")]
    public static partial void OutboxTextUnreadable(ILogger logger, string kind);

    [LoggerMessage(504, LogLevel.Information, "An outbox {Kind} post could not be delivered; the person is marked unreachable")]
    public static partial void OutboxUndeliverable(ILogger logger, string kind);

    [LoggerMessage(505, LogLevel.Warning, "An outbox {Kind} post failed with status {Status} (delivery {Delivery})")]
    public static partial void OutboxAttemptFailed(ILogger logger, string kind, int status, long delivery);

    [LoggerMessage(506, LogLevel.Warning, "Delivering an outbox message failed with {Exception}; it comes back after its backoff, or when its visibility ends")]
    public static partial void OutboxDeliveryFailed(ILogger logger, string exception);

    [LoggerMessage(521, LogLevel.Warning, "Giving an outbox message back after a failed delivery failed with {Exception}; it comes back when its visibility ends")]
    public static partial void OutboxGiveBackFailed(ILogger logger, string exception);

    [LoggerMessage(507, LogLevel.Warning, "Reading the outbox queue failed with {Exception}; trying again")]
    public static partial void OutboxReadFailed(ILogger logger, string exception);

    [LoggerMessage(508, LogLevel.Warning, "No Outbox:TextKey in the {Environment} environment: texts are sealed with a key of this process only")]
    public static partial void EphemeralOutboxKey(ILogger logger, string environment);

    [LoggerMessage(509, LogLevel.Warning, "An outbox {Kind} job failed with {Exception} (run {Run}); it runs again in {Delay}")]
    public static partial void OutboxJobFailed(ILogger logger, string kind, string exception, long run, TimeSpan delay);

    [LoggerMessage(522, LogLevel.Warning, "What follows a delivered outbox {Kind} post failed with {Exception} (delivery {Delivery}); it runs again in {Delay}")]
    public static partial void OutboxFollowUpFailed(ILogger logger, string kind, string exception, long delivery, TimeSpan delay);

    [LoggerMessage(510, LogLevel.Information, "An outbox {Kind} job finished (run {Run})")]
    public static partial void OutboxJobDone(ILogger logger, string kind, long run);

    [LoggerMessage(701, LogLevel.Warning, "A forget-me could not finish in its turn ({Exception}); the outbox finishes it")]
    public static partial void ForgetMeHandedOver(ILogger logger, string exception);

    [LoggerMessage(702, LogLevel.Warning, "A forget-me job could not be shown at once ({Exception}); it shows by itself within {HiddenFor}")]
    public static partial void ForgetMeJobStaysHidden(ILogger logger, string exception, TimeSpan hiddenFor);

    [LoggerMessage(401, LogLevel.Information, "A help request was queued for {Chosen} colleagues")]
    public static partial void RequestQueued(ILogger logger, int chosen);

    [LoggerMessage(402, LogLevel.Information, "A helper accepted: two colleagues were introduced")]
    public static partial void Introduced(ILogger logger);

    [LoggerMessage(403, LogLevel.Information, "The sweep handled {Count} due deadlines")]
    public static partial void SweepHandled(ILogger logger, int count);

    [LoggerMessage(404, LogLevel.Error, "The sweep failed; it tries again at the next interval")]
    public static partial void SweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(601, LogLevel.Information, "Storage upgrade {Upgrade}: {Memberships} memberships and {PairRows} pair-history rows rewritten, {Removed} rows of old tables removed")]
    public static partial void StorageUpgraded(ILogger logger, string upgrade, int memberships, int pairRows, int removed);

    [LoggerMessage(602, LogLevel.Error, "Storage upgrade {Upgrade} failed; it tries again in a minute")]
    public static partial void StorageUpgradeFailed(ILogger logger, string upgrade, Exception exception);
}
