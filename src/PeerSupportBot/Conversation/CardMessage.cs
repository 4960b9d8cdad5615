using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.Conversation;

/// <summary>A card ready to send, with the one-line summary Teams shows in notifications.</summary>
internal sealed record CardMessage(Attachment Attachment, string Summary);
