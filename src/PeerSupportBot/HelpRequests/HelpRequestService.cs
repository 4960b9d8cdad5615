using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.Contacts;
using PeerSupportBot.Matching;

namespace PeerSupportBot.HelpRequests;

/// <summary>
/// A request's life: sent to the chosen colleagues, accepted by the first (ETag-conditional, so
/// two clicks or two bot instances give exactly one introduction), declined privately, cancelled
/// by the asker, expired. Every change to the request row is conditional on what was read.
/// </summary>
internal sealed class HelpRequestService(
    HelpRequestStore store,
    Deadlines deadlines,
    HelperLoadStore loads,
    PairHistory pairs,
    ContactStore contacts,
    Notifier notifier,
    HelpRequestCards cards,
    NextCandidates nextCandidates,
    IOptions<HelpRequestOptions> options,
    TimeProvider time,
    ILogger<HelpRequestService> logger)
{
    public async Task<(HelpRequest Request, IReadOnlyList<string> AskedNames)> SendAsync(
        Participant asker, string askerLocale, IReadOnlyList<string> topics, Urgency urgency, string? sharedProblem,
        IReadOnlyList<Candidate> helpers, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var request = await store.CreateAsync(
            new HelpRequest(NewId(), asker.Key, asker.Name, topics, urgency, RequestStatus.Open, now, now + options.Value.Expiry, null, null, "") { AskerLocale = askerLocale },
            [.. helpers.Select(helper => (helper.PersonKey, helper.Name))],
            cancellationToken);
        await deadlines.AddAsync(DeadlineKind.Expire, request.Id, request.ExpiresAt, cancellationToken);

        var asked = new List<string>();
        foreach (var assignment in await store.HelpersAsync(request.Id, cancellationToken))
        {
            var sent = await notifier.SendCardAsync(assignment.HelperKey, _ => cards.Request(request, sharedProblem), cancellationToken);
            if (sent is null)
            {
                await store.TryUpdateHelperAsync(assignment with { Status = HelperStatus.Closed }, cancellationToken);
                continue;
            }

            await store.TryUpdateHelperAsync(assignment with { ServiceUrl = sent.ServiceUrl, ConversationId = sent.ConversationId, ActivityId = sent.ActivityId }, cancellationToken);
            await loads.RecordAskedAsync(assignment.HelperKey, cancellationToken);
            asked.Add(assignment.HelperName);
        }

        Log.RequestSent(logger, asked.Count, helpers.Count);
        if (asked.Count == 0)
        {
            await CloseAsync(request, RequestStatus.AllDeclined, cancellationToken);
        }

        return (request, asked);
    }

    /// <summary>The card the helper sees next; null when the request is unknown or was not sent to them.</summary>
    public async Task<AdaptiveCard?> AcceptAsync(string? requestId, string helperKey, CancellationToken cancellationToken)
    {
        var request = await store.FindAsync(requestId, cancellationToken);
        var assignment = request is null ? null : (await store.HelpersAsync(request.Id, cancellationToken)).FirstOrDefault(helper => helper.HelperKey == helperKey);
        if (request is null || assignment is null)
        {
            return null;
        }

        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (request.AcceptedBy == helperKey)
            {
                // Accepting twice changes nothing: the same introduction again, nothing new to the asker.
                return cards.IntroductionForHelper(await IntroductionAsync(request, assignment, cancellationToken));
            }

            if (request.Status != RequestStatus.Open || assignment.Status != HelperStatus.Pending)
            {
                return cards.AlreadyHelped();
            }

            var accepted = await store.TryUpdateAsync(request with { Status = RequestStatus.Accepted, AcceptedBy = helperKey, ClosedAt = time.GetUtcNow() }, cancellationToken);
            if (accepted is null)
            {
                request = await store.FindAsync(requestId, cancellationToken);
                if (request is null)
                {
                    return null;
                }

                continue;
            }

            await IntroduceAsync(accepted, assignment, cancellationToken);
            return cards.IntroductionForHelper(await IntroductionAsync(accepted, assignment, cancellationToken));
        }

        return cards.AlreadyHelped();
    }

    /// <summary>The card the helper sees next; null when the request is unknown or was not sent to them.</summary>
    public async Task<AdaptiveCard?> DeclineAsync(string? requestId, string helperKey, CancellationToken cancellationToken)
    {
        var request = await store.FindAsync(requestId, cancellationToken);
        var assignment = request is null ? null : (await store.HelpersAsync(request.Id, cancellationToken)).FirstOrDefault(helper => helper.HelperKey == helperKey);
        if (request is null || assignment is null)
        {
            return null;
        }

        if (assignment.Status == HelperStatus.Pending)
        {
            await store.TryUpdateHelperAsync(assignment with { Status = HelperStatus.Declined }, cancellationToken);
        }

        var helpers = await store.HelpersAsync(request.Id, cancellationToken);
        if (request.Status == RequestStatus.Open && helpers.All(helper => helper.Status is HelperStatus.Declined or HelperStatus.Closed))
        {
            if (await CloseAsync(request, RequestStatus.AllDeclined, cancellationToken) is { } closed)
            {
                await nextCandidates.OfferAsync(closed, helpers.Select(helper => helper.HelperKey).ToHashSet(StringComparer.Ordinal), expired: false, cancellationToken);
            }
        }

        return cards.DeclineAcknowledged();
    }

    public async Task<CancelOutcome> CancelAsync(string? requestId, string askerKey, CancellationToken cancellationToken)
    {
        var request = await store.FindAsync(requestId, cancellationToken);
        if (request is null || request.AskerKey != askerKey)
        {
            return CancelOutcome.NotTheAsker;
        }

        if (request.Status != RequestStatus.Open || await CloseAsync(request, RequestStatus.Cancelled, cancellationToken) is not { } cancelled)
        {
            return CancelOutcome.NotOpen;
        }

        await UpdateHelperCardsAsync(cancelled, except: null, cards.NoLongerNeeded, cancellationToken);
        return CancelOutcome.Cancelled;
    }

    /// <summary>The deadline passed with nobody accepting: helpers' cards close, and the asker is offered others.</summary>
    public async Task ExpireAsync(string requestId, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(requestId, cancellationToken) is not { Status: RequestStatus.Open } request
            || await CloseAsync(request, RequestStatus.Expired, cancellationToken) is not { } expired)
        {
            return;
        }

        await UpdateHelperCardsAsync(expired, except: null, cards.RequestExpired, cancellationToken);
        var asked = (await store.HelpersAsync(requestId, cancellationToken)).Select(helper => helper.HelperKey).ToHashSet(StringComparer.Ordinal);
        await nextCandidates.OfferAsync(expired, asked, expired: true, cancellationToken);
    }

    /// <summary>A person is being forgotten: their open requests close and the other side is told neutrally.</summary>
    public async Task CloseForForgottenPersonAsync(string requestId, string personKey, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(requestId, cancellationToken) is { Status: RequestStatus.Open } request
            && await CloseAsync(request, RequestStatus.Cancelled, cancellationToken) is { } closed)
        {
            await UpdateHelperCardsAsync(closed, except: personKey, cards.OtherSideLeft, cancellationToken);
            if (closed.AskerKey != personKey)
            {
                await notifier.SendCardAsync(closed.AskerKey, _ => cards.OtherSideLeft(), cancellationToken, closed.AskerLocale);
            }
        }

        await store.DeleteAsync(requestId, cancellationToken);
    }

    private async Task IntroduceAsync(HelpRequest request, HelperAssignment helper, CancellationToken cancellationToken)
    {
        foreach (var assignment in await store.HelpersAsync(request.Id, cancellationToken))
        {
            await store.TryUpdateHelperAsync(assignment with { Status = assignment.HelperKey == helper.HelperKey ? HelperStatus.Accepted : HelperStatus.Closed }, cancellationToken);
        }

        await UpdateHelperCardsAsync(request, except: helper.HelperKey, cards.AlreadyHelped, cancellationToken);
        var introduction = await IntroductionAsync(request, helper, cancellationToken);
        await notifier.SendCardAsync(request.AskerKey, _ => cards.IntroductionForAsker(introduction), cancellationToken, request.AskerLocale);
        await pairs.RecordHelpAsync(request.AskerKey, helper.HelperKey, cancellationToken);
        var now = time.GetUtcNow();
        await deadlines.AddAsync(DeadlineKind.FollowUp, request.Id, now + options.Value.FollowUpAfter, cancellationToken);
        await deadlines.AddAsync(DeadlineKind.Purge, request.Id, now + TimeSpan.FromDays(options.Value.RetentionDays), cancellationToken);
        Log.Introduced(logger);
    }

    private async Task<Introduction> IntroductionAsync(HelpRequest request, HelperAssignment helper, CancellationToken cancellationToken) => new(
        request.Id,
        request.AskerName,
        (await contacts.FindAsync(request.AskerKey, cancellationToken))?.UserPrincipalName,
        helper.HelperName,
        (await contacts.FindAsync(helper.HelperKey, cancellationToken))?.UserPrincipalName,
        request.Topics);

    private async Task<HelpRequest?> CloseAsync(HelpRequest request, RequestStatus status, CancellationToken cancellationToken)
    {
        var closed = await store.TryUpdateAsync(request with { Status = status, ClosedAt = time.GetUtcNow() }, cancellationToken);
        if (closed is not null)
        {
            await deadlines.AddAsync(DeadlineKind.Purge, request.Id, time.GetUtcNow() + TimeSpan.FromDays(options.Value.RetentionDays), cancellationToken);
        }

        return closed;
    }

    private async Task UpdateHelperCardsAsync(HelpRequest request, string? except, Func<AdaptiveCard> compose, CancellationToken cancellationToken)
    {
        foreach (var helper in await store.HelpersAsync(request.Id, cancellationToken))
        {
            if (helper.HelperKey != except && helper is { ServiceUrl: { } serviceUrl, ConversationId: { } conversationId, ActivityId: { Length: > 0 } activityId })
            {
                await notifier.UpdateCardAsync(helper.HelperKey, new SentCard(serviceUrl, conversationId, activityId), _ => compose(), cancellationToken);
            }
        }
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}

internal enum CancelOutcome
{
    Cancelled,
    NotTheAsker,
    NotOpen,
}
