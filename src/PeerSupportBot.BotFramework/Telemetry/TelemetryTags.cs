namespace PeerSupportBot.BotFramework.Telemetry;

/// <summary>
/// Attribute names, and the small closed sets of values they may take. The activity's fields come
/// from the caller, before and after authentication, so anything outside a known set is recorded
/// as "other": a sender can neither smuggle text into telemetry nor blow up metric cardinality.
/// </summary>
internal static class TelemetryTags
{
    public const string ActivityType = "bot.activity.type";
    public const string InvokeName = "bot.activity.invoke_name";
    public const string Channel = "bot.channel";
    public const string ConversationType = "bot.conversation.type";
    public const string Outcome = "bot.outcome";
    public const string RefusalReason = "bot.refusal_reason";
    public const string ConnectorOperation = "bot.connector.operation";
    public const string RetryCount = "bot.connector.retry_count";
    public const string RetryFailure = "bot.connector.retry_failure";
    public const string StatusCode = "http.response.status_code";
    public const string ErrorType = "error.type";
    public const string ServerAddress = "server.address";

    public const string Other = "other";
    public const string None = "none";

    private static readonly HashSet<string> ActivityTypes = new(StringComparer.Ordinal)
    {
        Schema.ActivityTypes.Message, Schema.ActivityTypes.ConversationUpdate, Schema.ActivityTypes.InstallationUpdate,
        Schema.ActivityTypes.Invoke, Schema.ActivityTypes.Typing, Schema.ActivityTypes.MessageReaction, Schema.ActivityTypes.Event,
        "messageUpdate", "messageDelete", "endOfConversation",
    };

    private static readonly HashSet<string> InvokeNames = new(StringComparer.Ordinal)
    {
        Schema.InvokeNames.AdaptiveCardAction, "task/fetch", "task/submit", "composeExtension/query",
        "composeExtension/submitAction", "composeExtension/fetchTask", "signin/verifyState",
        "signin/tokenExchange", "fileConsent/invoke", "actionableMessage/executeAction", "config/fetch", "config/submit",
    };

    private static readonly HashSet<string> Channels = new(StringComparer.Ordinal)
    {
        Schema.Channels.MsTeams, "emulator", "webchat", "directline", "test",
    };

    private static readonly HashSet<string> ConversationTypes = new(StringComparer.Ordinal)
    {
        Schema.ConversationTypes.Personal, Schema.ConversationTypes.GroupChat, Schema.ConversationTypes.Channel,
    };

    public static string OfActivityType(string? value) => Known(ActivityTypes, value);

    public static string OfInvokeName(string? value) => Known(InvokeNames, value);

    public static string OfChannel(string? value) => Known(Channels, value);

    public static string OfConversationType(string? value) => Known(ConversationTypes, value);

    private static string Known(HashSet<string> known, string? value) =>
        string.IsNullOrEmpty(value) ? None : known.Contains(value) ? value : Other;
}
