using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.BotFramework.Connector;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.Contacts;

/// <summary>Moves a conversation from a group to the person's 1:1 chat, opened proactively.</summary>
internal static class PrivateChat
{
    /// <summary>False when Teams says the person cannot be written to.</summary>
    public static async Task<bool> SendAsync(TurnContext turn, AdaptiveCard card, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var tenantId = activity.GetTenantId();
        var created = await turn.Connector.CreateConversationAsync(turn.ServiceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = activity.Recipient?.Id },
            Members = [new ChannelAccount { Id = activity.From?.Id }],
            TenantId = tenantId,
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } },
        }, cancellationToken);
        if (created.RecipientUnreachable || created.Value?.Id is not { Length: > 0 } conversationId)
        {
            return false;
        }

        var sent = await turn.Connector.SendToConversationAsync(turn.ServiceUrl, conversationId, new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = activity.Recipient?.Id },
            Recipient = new ChannelAccount { Id = activity.From?.Id },
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = ConversationTypes.Personal, TenantId = tenantId },
            ChannelId = activity.ChannelId,
            Locale = activity.Locale,
            Attachments = [card.ToAttachment()],
        }, cancellationToken);
        return sent.Succeeded;
    }
}
