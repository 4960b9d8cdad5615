using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.BotFramework.Connector;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.Contacts;

/// <summary>
/// Moves a conversation from a group to the person's 1:1 chat, opened proactively. Teams allows
/// that only for someone who installed the app personally or in a team they belong to; for
/// anyone else the answer is "unreachable", and they get a link to open the bot themselves.
/// </summary>
internal static class PrivateChat
{
    /// <summary>The 1:1 conversation with the person who sent this activity; null when Teams will not open one.</summary>
    public static async Task<string?> OpenAsync(TurnContext turn, CancellationToken cancellationToken)
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
        return created.RecipientUnreachable ? null : created.Value?.Id is { Length: > 0 } id ? id : null;
    }

    /// <summary>False when Teams says the person cannot be written to.</summary>
    public static async Task<bool> SendAsync(TurnContext turn, AdaptiveCard card, CancellationToken cancellationToken)
    {
        if (await OpenAsync(turn, cancellationToken) is not { } conversationId)
        {
            return false;
        }

        var activity = turn.Activity;
        var sent = await turn.Connector.SendToConversationAsync(turn.ServiceUrl, conversationId, new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = activity.Recipient?.Id },
            Recipient = new ChannelAccount { Id = activity.From?.Id },
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = ConversationTypes.Personal, TenantId = activity.GetTenantId() },
            ChannelId = activity.ChannelId,
            Locale = activity.Locale,
            Attachments = [card.ToAttachment()],
        }, cancellationToken);
        return sent.Succeeded;
    }

    /// <summary>
    /// A Teams deep link that opens a chat with the bot (28:{app id}), from which Teams offers to
    /// add the app: the one click someone without the app needs.
    /// </summary>
    public static Uri OpenLink(Activity activity) =>
        new($"https://teams.microsoft.com/l/chat/0/0?users={Uri.EscapeDataString(activity.Recipient?.Id ?? "")}");
}
