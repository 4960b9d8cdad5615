using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.Contacts;

/// <summary>
/// Who a person is across chats: their Entra object id, which stays the same in every
/// conversation and tenant app; the channel id only where Teams gives no object id.
/// </summary>
internal static class PersonKeys
{
    public static string? Of(ChannelAccount? account) =>
        account is null ? null
        : !string.IsNullOrWhiteSpace(account.AadObjectId) ? account.AadObjectId.Trim().ToLowerInvariant()
        : string.IsNullOrWhiteSpace(account.Id) ? null
        : account.Id;
}
