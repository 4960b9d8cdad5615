using PeerSupportBot.BotFramework.Connector;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.Contacts;

/// <summary>
/// Keeps a person's contact link current: the service URL and conversation can change, so each
/// 1:1 activity from someone the bot already holds a link for refreshes it, and marks them
/// reachable again (they wrote, pressed or reinstalled). Nobody else gets one. A message or a
/// press from the same chat as a moment ago reads nothing (<see cref="ConfirmedContacts"/>).
/// </summary>
internal sealed class ContactRefresher(ContactStore contacts, ConfirmedContacts confirmed, TimeProvider time)
{
    public async Task RefreshAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!Conversations.IsPersonal(activity) || PersonKeys.Of(activity.From) is not { } key)
        {
            return;
        }

        var link = new ActivityLink(activity.ServiceUrl, activity.GetTenantId(), activity.Recipient?.Id, activity.From?.Id, activity.Conversation?.Id);
        // An install or reinstall always reads: it is how someone another instance marked unreachable is reachable again.
        var everyday = activity.Type is ActivityTypes.Message or ActivityTypes.Invoke;
        if (everyday && confirmed.IsConfirmed(key, link))
        {
            return;
        }

        var observed = confirmed.Observe(key);
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
        else
        {
            confirmed.Confirm(key, link, observed);
        }
    }

    /// <summary>The person removed the app from their personal scope: nothing more reaches them until they are back.</summary>
    public async Task MarkUnreachableAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (Conversations.IsPersonal(turn.Activity) && PersonKeys.Of(turn.Activity.From) is { } key)
        {
            await contacts.MarkUnreachableAsync(key, time.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>
    /// A new link for someone who consented in a group chat: their 1:1 chat if Teams opens one now,
    /// else a link marked unreachable, which their first personal message or install completes.
    /// </summary>
    public async Task<ContactLink> CaptureFromGroupAsync(TurnContext turn, string personKey, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var conversationId = await PrivateChat.OpenAsync(turn, cancellationToken);
        var contact = new ContactLink(personKey, activity.ServiceUrl!, activity.GetTenantId(), activity.Recipient?.Id ?? "", activity.From?.Id ?? "",
            conversationId, await UpnAsync(turn, cancellationToken), Unreachable: conversationId is null, time.GetUtcNow());
        await contacts.SaveAsync(contact, cancellationToken);
        return contact;
    }

    /// <summary>A new link from the 1:1 conversation of this turn, with the UPN Teams chat links need.</summary>
    public async Task<ContactLink> CaptureAsync(TurnContext turn, string personKey, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var contact = new ContactLink(personKey, activity.ServiceUrl!, activity.GetTenantId(), activity.Recipient?.Id ?? "", activity.From?.Id ?? "",
            activity.Conversation?.Id, await UpnAsync(turn, cancellationToken), Unreachable: false, time.GetUtcNow());
        await contacts.SaveAsync(contact, cancellationToken);
        return contact;
    }

    // The UPN only makes chat links nicer; a contact link works without it.
    private static async Task<string?> UpnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        try
        {
            var member = await turn.Connector.GetMemberAsync(turn.ServiceUrl, turn.Activity.Conversation!.Id!, turn.Activity.From?.Id ?? "", cancellationToken);
            return member.Value?.UserPrincipalName;
        }
        catch (ConnectorException)
        {
            return null;
        }
    }
}
