namespace PeerSupportBot.Outbox;

/// <summary>Where a proactive post landed, to update it later.</summary>
internal sealed record SentCard(string ServiceUrl, string ConversationId, string ActivityId);
