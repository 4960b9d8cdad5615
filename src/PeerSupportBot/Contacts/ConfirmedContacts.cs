using System.Collections.Concurrent;

namespace PeerSupportBot.Contacts;

/// <summary>
/// Whose stored contact link this instance wrote or found up to date lately, so that a person's
/// next message or card press need not read it again only to find nothing to change. Every
/// write of a contact in this process forgets the person first; a write by another instance
/// (a post refused, say) is seen once the entry is older than <see cref="TimeToLive"/>, and an
/// install or reinstall always reads. Holds where the person's chat is, never more than the link.
/// </summary>
internal sealed class ConfirmedContacts(TimeProvider time)
{
    // What another instance can store meanwhile is only "unreachable" after Teams refused a post,
    // which someone still writing from the same chat is not, or after an uninstall, which a
    // reinstall (always read) undoes. An hour covers an ask, its send and the answers to it.
    public static readonly TimeSpan TimeToLive = TimeSpan.FromHours(1);

    // A bound on memory, not a cache policy: past it the memo starts again empty.
    private const int MaxPeople = 20_000;

    private readonly ConcurrentDictionary<string, Entry> _confirmed = new(StringComparer.Ordinal);

    /// <summary>What this instance last knew of the person: pass it to <see cref="Confirm"/> after reading, so a write meanwhile wins.</summary>
    public Entry? Observe(string personKey) => _confirmed.GetValueOrDefault(personKey);

    public bool IsConfirmed(string personKey, ActivityLink link) =>
        _confirmed.TryGetValue(personKey, out var entry) && entry.Link == link && time.GetUtcNow() - entry.ConfirmedAt < TimeToLive;

    /// <summary>Storage holds <paramref name="link"/>, reachable, as of now; ignored if the person's link was written since <paramref name="observed"/>.</summary>
    public void Confirm(string personKey, ActivityLink link, Entry? observed)
    {
        if (_confirmed.Count >= MaxPeople)
        {
            _confirmed.Clear();
        }

        var entry = new Entry(link, time.GetUtcNow());
        if (observed is not null)
        {
            _confirmed.TryUpdate(personKey, entry, observed);
        }
        else
        {
            _confirmed.TryAdd(personKey, entry);
        }
    }

    /// <summary>The person's link is being written: nothing known of it holds any more. Returns what to pass to <see cref="Confirm"/> once the write is stored.</summary>
    public Entry Forget(string personKey) => _confirmed[personKey] = new Entry(null, DateTimeOffset.MinValue);

    /// <summary>A class, not a record: a confirmation must race against this very entry, and two forgettings are not the same one.</summary>
    internal sealed class Entry(ActivityLink? link, DateTimeOffset confirmedAt)
    {
        public ActivityLink? Link { get; } = link;

        public DateTimeOffset ConfirmedAt { get; } = confirmedAt;
    }
}

/// <summary>Where an activity came from, as a contact link records it.</summary>
internal sealed record ActivityLink(string? ServiceUrl, string? TenantId, string? BotId, string? UserId, string? ConversationId)
{
    public static ActivityLink Of(ContactLink contact) => new(contact.ServiceUrl, contact.TenantId, contact.BotId, contact.UserId, contact.ConversationId);
}
