using PeerSupportBot.BotFramework.Connector;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.Contacts;

/// <summary>
/// Keeps a person's contact link current: the service URL and conversation can change, so each
/// 1:1 activity from someone the bot already holds a link for refreshes it. Nobody else gets one.
/// </summary>
internal sealed class ContactRefresher(ContactStore contacts, TimeProvider time)
{
    public async Task RefreshAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!Conversations.IsPersonal(activity) || PersonKeys.Of(activity.From) is not { } key)
        {
            return;
        }

        var stored = await contacts.FindAsync(key, cancellationToken);
        if (stored is null)
        {
            return;
        }

        var current = stored with
        {
            ServiceUrl = activity.ServiceUrl ?? stored.ServiceUrl,
            TenantId = activity.GetTenantId() ?? stored.TenantId,
            BotId = activity.Recipient?.Id ?? stored.BotId,
            UserId = activity.From?.Id ?? stored.UserId,
            ConversationId = activity.Conversation?.Id ?? stored.ConversationId,
            Unreachable = false,
        };
        if (current != stored)
        {
            await contacts.SaveAsync(current with { UpdatedAt = time.GetUtcNow() }, cancellationToken);
        }
    }

    /// <summary>A new link from the 1:1 conversation of this turn, with the UPN Teams chat links need.</summary>
    public async Task<ContactLink> CaptureAsync(TurnContext turn, string personKey, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var userId = activity.From?.Id ?? "";
        string? upn = null;
        try
        {
            var member = await turn.Connector.GetMemberAsync(turn.ServiceUrl, activity.Conversation!.Id!, userId, cancellationToken);
            upn = member.Value?.UserPrincipalName;
        }
        catch (ConnectorException)
        {
            // The UPN only makes chat links nicer; a contact link works without it.
        }

        var contact = new ContactLink(personKey, activity.ServiceUrl!, activity.GetTenantId(), activity.Recipient?.Id ?? "", userId,
            activity.Conversation?.Id, upn, Unreachable: false, time.GetUtcNow());
        await contacts.SaveAsync(contact, cancellationToken);
        return contact;
    }
}
