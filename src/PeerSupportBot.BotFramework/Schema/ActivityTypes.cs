namespace PeerSupportBot.BotFramework.Schema;

/// <summary>Activity type names as they appear on the wire.</summary>
public static class ActivityTypes
{
    /// <summary>A message from a person or the bot.</summary>
    public const string Message = "message";
    /// <summary>Members joined or left, or the conversation changed.</summary>
    public const string ConversationUpdate = "conversationUpdate";
    /// <summary>The app was installed, upgraded or removed.</summary>
    public const string InstallationUpdate = "installationUpdate";
    /// <summary>A request that expects a synchronous answer, such as a card action.</summary>
    public const string Invoke = "invoke";
    /// <summary>The sender is typing.</summary>
    public const string Typing = "typing";
    /// <summary>A message reaction was added or removed.</summary>
    public const string MessageReaction = "messageReaction";
    /// <summary>A named event.</summary>
    public const string Event = "event";
}

/// <summary>Invoke names the protocol layer knows.</summary>
public static class InvokeNames
{
    /// <summary>An Adaptive Card Action.Execute (Universal Action).</summary>
    public const string AdaptiveCardAction = "adaptiveCard/action";
}

/// <summary>The actions an installationUpdate carries.</summary>
public static class InstallationActions
{
    /// <summary>The app was installed.</summary>
    public const string Add = "add";
    /// <summary>The app was removed.</summary>
    public const string Remove = "remove";
    /// <summary>The app was upgraded in place.</summary>
    public const string AddUpgrade = "add-upgrade";
    /// <summary>An upgrade removed the app.</summary>
    public const string RemoveUpgrade = "remove-upgrade";
}

/// <summary>Conversation types Teams uses.</summary>
public static class ConversationTypes
{
    /// <summary>A 1:1 chat with the bot.</summary>
    public const string Personal = "personal";
    /// <summary>A group chat.</summary>
    public const string GroupChat = "groupChat";
    /// <summary>A channel in a team.</summary>
    public const string Channel = "channel";
}

/// <summary>Channel ids.</summary>
public static class Channels
{
    /// <summary>Microsoft Teams.</summary>
    public const string MsTeams = "msteams";
}
