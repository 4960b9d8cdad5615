using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.Outbox;

/// <summary>
/// Builds one kind of queued post at delivery time, from what storage says then, and hears what
/// became of it. Each feature registers its kinds with <c>AddOutboxComposer</c>.
/// </summary>
internal interface IOutboxComposer
{
    /// <summary>What to post now; null when nothing needs posting any more (the request closed meanwhile, say).</summary>
    Task<OutboxPost?> ComposeAsync(OutboxMessage message, string? unsealedText, CancellationToken cancellationToken);

    /// <summary>The post went out; <paramref name="sent"/> says where, to update it later.</summary>
    Task DeliveredAsync(OutboxMessage message, SentCard sent, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>It cannot go out: the person cannot be reached, or every attempt failed.</summary>
    Task UndeliverableAsync(OutboxMessage message, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// True for a kind whose message is queued once, by the change that caused it, and whose
    /// <see cref="DeliveredAsync"/> stores where the post went on the composer's own row (a request
    /// card on its helper's row): the delivery then writes no claim and no outcome of its own.
    /// </summary>
    bool KeepsItsOwnRecord => false;

    /// <summary>For a kind that keeps its own record: where an earlier delivery of this message posted, or null.</summary>
    Task<SentCard?> AlreadySentAsync(OutboxMessage message, CancellationToken cancellationToken) => Task.FromResult<SentCard?>(null);
}

/// <summary>A post, composed when it goes out, with the recipient's language set as the UI culture.</summary>
/// <param name="Compose">Builds the activity's content.</param>
/// <param name="FallbackLocale">The language to use when the recipient has no profile (an asker who is no member).</param>
internal sealed record OutboxPost(Func<Activity> Compose, string? FallbackLocale = null)
{
    public static OutboxPost Card(Func<AdaptiveCard> compose, string? fallbackLocale = null) =>
        new(() => new Activity { Attachments = [compose().ToAttachment()] }, fallbackLocale);

    public static OutboxPost Text(Func<string> compose) =>
        new(() => new Activity { Text = compose(), TextFormat = "plain" });
}
