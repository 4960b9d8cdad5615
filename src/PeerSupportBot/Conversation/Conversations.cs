using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.Conversation;

internal static class Conversations
{
    public static bool IsPersonal(Activity activity) =>
        activity.Conversation?.IsGroup != true
        && activity.Conversation?.ConversationType is null or ConversationTypes.Personal;
}
