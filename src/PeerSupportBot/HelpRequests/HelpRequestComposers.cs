using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;
using PeerSupportBot.Outbox;

namespace PeerSupportBot.HelpRequests;

/// <summary>
/// The request card a helper gets. Composed only while the request is open and the helper still
/// pending; delivered, it remembers where the card is (to close it later) and counts towards the
/// helper's monthly cap. A helper the card cannot reach counts as not asked. Each follow-up is
/// idempotent: a delivery that storage interrupted after the post finishes them again. Where the
/// card is, on the helper's row, is also the record that it went out: the send queued it once,
/// so it needs no claim or outcome of its own.
/// </summary>
internal sealed class RequestCardComposer(HelpRequestStore store, RequestChanges requests, MembershipCopies memberships, PersonNames names, HelpRequestCards cards, OutboxQueue outbox) : IOutboxComposer
{
    public async Task<OutboxPost?> ComposeAsync(OutboxMessage message, string? unsealedText, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(message.RequestId, cancellationToken) is not { Status: RequestStatus.Open } request
            || await AssignmentAsync(message, cancellationToken) is not { Status: HelperStatus.Pending })
        {
            return null;
        }

        var askerName = await names.OfAsync(request.AskerKey, cancellationToken);
        return OutboxPost.Card(() => cards.Request(request, askerName, unsealedText));
    }

    public bool KeepsItsOwnRecord => true;

    public async Task<SentCard?> AlreadySentAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        await AssignmentAsync(message, cancellationToken) is { ServiceUrl: { } serviceUrl, ConversationId: { } conversationId, ActivityId: { Length: > 0 } activityId }
            ? new SentCard(serviceUrl, conversationId, activityId)
            : null;

    public async Task DeliveredAsync(OutboxMessage message, SentCard sent, CancellationToken cancellationToken)
    {
        if (message.RequestId is not { } requestId)
        {
            return;
        }

        await store.RecordCardAsync(requestId, message.RecipientKey, sent, cancellationToken);

        // Closed while this card was on its way (someone else accepted, say): it is closed too. Before
        // the count, which can lose a burst of races: a card left open would be worse than a missed count.
        var variant = await store.FindAsync(requestId, cancellationToken) is { } request ? RequestLifecycle.VariantForLateCard(request.Status) : null;
        if (variant is not null)
        {
            await outbox.EnqueueAsync(HelpRequestPosts.HelperCardUpdate(requestId, message.RecipientKey, variant, new CardLocation(sent.ServiceUrl, sent.ConversationId, sent.ActivityId)), null, cancellationToken);
        }

        await memberships.RecordAskedAsync(message.RecipientKey, requestId, cancellationToken);
    }

    public Task UndeliverableAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        requests.HelperUnreachableAsync(message.RequestId ?? "", message.RecipientKey, cancellationToken);

    private async Task<HelperAssignment?> AssignmentAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        message.RequestId is { } requestId
            ? (await store.HelpersAsync(requestId, cancellationToken)).FirstOrDefault(helper => helper.HelperKey == message.RecipientKey)
            : null;
}

/// <summary>A helper's request card replaced once the request closed: helped by someone else, cancelled, expired, or the asker left.</summary>
internal sealed class HelperCardComposer(HelpRequestCards cards) : IOutboxComposer
{
    public Task<OutboxPost?> ComposeAsync(OutboxMessage message, string? unsealedText, CancellationToken cancellationToken) =>
        Task.FromResult<OutboxPost?>(message.Variant switch
        {
            HelperCardVariants.AlreadyHelped => OutboxPost.Card(cards.AlreadyHelped),
            HelperCardVariants.NoLongerNeeded => OutboxPost.Card(cards.NoLongerNeeded),
            HelperCardVariants.Expired => OutboxPost.Card(cards.RequestExpired),
            HelperCardVariants.OtherSideLeft => OutboxPost.Card(cards.OtherSideLeft),
            _ => null,
        });
}

/// <summary>The asker's introduction to the colleague who accepted: a Teams chat and a call, one click each.</summary>
internal sealed class IntroductionComposer(HelpRequestStore store, HelpRequestCards cards) : IOutboxComposer
{
    public async Task<OutboxPost?> ComposeAsync(OutboxMessage message, string? unsealedText, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(message.RequestId, cancellationToken) is not { Status: RequestStatus.Accepted, AcceptedBy: { } helperKey } request
            || (await store.HelpersAsync(request.Id, cancellationToken)).FirstOrDefault(helper => helper.HelperKey == helperKey) is not { } helper)
        {
            return null;
        }

        var introduction = await store.IntroductionAsync(request, helper, cancellationToken);
        return OutboxPost.Card(() => cards.IntroductionForAsker(introduction), request.AskerLocale);
    }
}

/// <summary>The asker's helper asked to be forgotten; the request is gone, so the message says the asker's language.</summary>
internal sealed class OtherSideLeftComposer(HelpRequestCards cards) : IOutboxComposer
{
    public Task<OutboxPost?> ComposeAsync(OutboxMessage message, string? unsealedText, CancellationToken cancellationToken) =>
        Task.FromResult<OutboxPost?>(OutboxPost.Card(cards.OtherSideLeft, message.Variant));
}

/// <summary>"Did it help?" a day after an introduction, to the asker and to the helper.</summary>
internal sealed class DidItHelpComposer(HelpRequestStore store, PersonNames names, HelpRequestCards cards) : IOutboxComposer
{
    public const string AskerRole = "asker";
    public const string HelperRole = "helper";

    public async Task<OutboxPost?> ComposeAsync(OutboxMessage message, string? unsealedText, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(message.RequestId, cancellationToken) is not { Status: RequestStatus.Accepted, AcceptedBy: { } helperKey } request)
        {
            return null;
        }

        if (message.Variant == AskerRole)
        {
            var helperName = await names.OfAsync(helperKey, cancellationToken);
            return OutboxPost.Card(() => cards.DidItHelp(request.Id, helperName), request.AskerLocale);
        }

        var askerName = await names.OfAsync(request.AskerKey, cancellationToken);
        return OutboxPost.Card(() => cards.DidItHelp(request.Id, askerName));
    }
}
