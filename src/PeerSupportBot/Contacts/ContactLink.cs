namespace PeerSupportBot.Contacts;

/// <summary>
/// Exactly what a proactive 1:1 message needs, plus the UPN Teams chat links use. Nothing else
/// about the person.
/// </summary>
internal sealed record ContactLink(
    string PersonKey,
    string ServiceUrl,
    string? TenantId,
    string BotId,
    string UserId,
    string? ConversationId,
    string? UserPrincipalName,
    bool Unreachable,
    DateTimeOffset UpdatedAt)
{
    /// <summary>True when a proactive post can go to them: a 1:1 chat exists and Teams has not refused it.</summary>
    public bool IsReachable => !Unreachable && !string.IsNullOrEmpty(ConversationId);
}
