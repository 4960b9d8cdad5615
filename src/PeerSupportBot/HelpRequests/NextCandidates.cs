using PeerSupportBot.Asking;
using PeerSupportBot.Matching;
using PeerSupportBot.Outbox;

namespace PeerSupportBot.HelpRequests;

/// <summary>
/// When everyone asked declined, nobody answered in time, or someone could not be reached, the
/// asker is offered the next colleagues, never told who declined. The match is made when the
/// card goes out, so it reflects who is available then.
/// </summary>
internal sealed class NextCandidatesComposer(HelpRequestStore store, Matcher matcher, PairHistory pairs, AskCards cards) : IOutboxComposer
{
    public async Task<OutboxPost?> ComposeAsync(OutboxMessage message, string? unsealedText, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(message.RequestId, cancellationToken) is not { } request || !Enum.TryParse<NextReason>(message.Variant, out var reason))
        {
            return null;
        }

        var alreadyAsked = (await store.HelpersAsync(request.Id, cancellationToken)).Select(helper => helper.HelperKey).ToHashSet(StringComparer.Ordinal);
        var candidates = await matcher.FindAsync(request.AskerKey, request.Topics, AskerLanguages.FromLocale(request.AskerLocale), alreadyAsked, cancellationToken);
        await pairs.SetLastSuggestedAsync(request.AskerKey, [.. candidates.Select(candidate => candidate.PersonKey)], cancellationToken);
        return OutboxPost.Card(() => cards.NextCandidates(request.Topics, candidates, reason), request.AskerLocale);
    }
}
