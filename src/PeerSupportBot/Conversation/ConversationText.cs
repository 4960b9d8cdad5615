namespace PeerSupportBot.Conversation;

/// <summary>Marks the strings of routing itself: ConversationText.resx (English) and ConversationText.fi.resx.</summary>
internal sealed class ConversationText;
