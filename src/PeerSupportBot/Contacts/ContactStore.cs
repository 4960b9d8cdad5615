using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Contacts;

/// <summary>
/// Contacts: PartitionKey = person key, RowKey = "contact". One row a person, refreshed when they
/// talk to the bot. Whether they can be reached is copied onto their memberships on every save,
/// before the turn answers, so matching never suggests someone the bot cannot write to.
/// </summary>
internal sealed class ContactStore(Tables tables, MembershipCopies memberships, ConfirmedContacts confirmed)
{
    private const string TableName = "Contacts";
    private const string Row = "contact";

    public async Task<ContactLink?> FindAsync(string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(personKey), Row, cancellationToken: cancellationToken);
        if (!entity.HasValue)
        {
            return null;
        }

        var row = entity.Value!;
        return new ContactLink(
            row.GetString("PersonKey") ?? personKey,
            row.GetString("ServiceUrl") ?? "",
            row.GetString("TenantId"),
            row.GetString("BotId") ?? "",
            row.GetString("UserId") ?? "",
            row.GetString("ConversationId"),
            row.GetString("UserPrincipalName"),
            row.GetBoolean("Unreachable") ?? false,
            row.GetDateTimeOffset("UpdatedAt") ?? default);
    }

    public async Task SaveAsync(ContactLink contact, CancellationToken cancellationToken)
    {
        var written = confirmed.Forget(contact.PersonKey);
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.UpsertEntityAsync(new TableEntity(TableKeys.Encode(contact.PersonKey), Row)
        {
            ["PersonKey"] = contact.PersonKey,
            ["ServiceUrl"] = contact.ServiceUrl,
            ["TenantId"] = contact.TenantId,
            ["BotId"] = contact.BotId,
            ["UserId"] = contact.UserId,
            ["ConversationId"] = contact.ConversationId,
            ["UserPrincipalName"] = contact.UserPrincipalName,
            ["Unreachable"] = contact.Unreachable,
            ["UpdatedAt"] = contact.UpdatedAt,
        }, TableUpdateMode.Replace, cancellationToken);
        await memberships.SetReachableAsync(contact.PersonKey, contact.IsReachable, cancellationToken);
        if (contact.IsReachable)
        {
            confirmed.Confirm(contact.PersonKey, ActivityLink.Of(contact), written);
        }
    }

    /// <summary>Teams refused a post to them, or they removed the app: nothing more is sent until they are back.</summary>
    public async Task MarkUnreachableAsync(string personKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        confirmed.Forget(personKey);
        if (await FindAsync(personKey, cancellationToken) is { Unreachable: false } contact)
        {
            await SaveAsync(contact with { Unreachable = true, UpdatedAt = now }, cancellationToken);
        }
    }

    public async Task DeleteAsync(string personKey, CancellationToken cancellationToken)
    {
        confirmed.Forget(personKey);
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.DeleteEntityAsync(TableKeys.Encode(personKey), Row, ETag.All, cancellationToken);
    }
}
