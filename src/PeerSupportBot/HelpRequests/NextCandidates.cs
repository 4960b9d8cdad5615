using PeerSupportBot.Asking;
using PeerSupportBot.Consent;
using PeerSupportBot.Contacts;
using PeerSupportBot.Matching;

namespace PeerSupportBot.HelpRequests;

/// <summary>
/// When everyone asked declined, or nobody answered in time, the asker is offered the next
/// colleagues, never told who declined.
/// </summary>
internal sealed class NextCandidates(Matcher matcher, PairHistory pairs, ProfileStore profiles, Notifier notifier, AskCards cards)
{
    public async Task OfferAsync(HelpRequest request, IReadOnlySet<string> alreadyAsked, bool expired, CancellationToken cancellationToken)
    {
        var languages = await AskerLanguages.OfAsync(profiles, request.AskerKey, request.AskerLocale, cancellationToken);
        var candidates = await matcher.FindAsync(request.AskerKey, request.Topics, languages, alreadyAsked, cancellationToken);
        await pairs.SetLastSuggestedAsync(request.AskerKey, [.. candidates.Select(candidate => candidate.PersonKey)], cancellationToken);
        await notifier.SendCardAsync(request.AskerKey, _ => cards.NextCandidates(request.Topics, candidates, expired), cancellationToken, request.AskerLocale);
    }
}
