using PeerSupportBot.Asking;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.Contacts;
using PeerSupportBot.Matching;
using PeerSupportBot.Outbox;

namespace PeerSupportBot.HelpRequests;

/// <summary>
/// A request's life: sent to the chosen colleagues, accepted by the first (ETag-conditional, so
/// two clicks or two bot instances give exactly one introduction), declined privately, cancelled
/// by the asker, expired. Every change to the request row is conditional on what was read. What
/// people are told goes through the outbox: nothing here waits for Teams.
/// </summary>
internal sealed class HelpRequestService(
    HelpRequestStore store,
    Deadlines deadlines,
    PairHistory pairs,
    ContactStore contacts,
    OutboxQueue outbox,
    HelpRequestCards cards,
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

        // The cards go out after the turn; the asker's card says whom they are going to.
        foreach (var helper in helpers)
        {
            await outbox.EnqueueAsync(HelpRequestPosts.RequestTo(request.Id, helper.PersonKey), sharedProblem, cancellationToken);
        }

        Log.RequestQueued(logger, helpers.Count);
        return (request, [.. helpers.Select(helper => helper.Name)]);
    }

    /// <summary>The card the helper sees next; null when the request is unknown or was not sent to them.</summary>
    public async Task<AdaptiveCard?> AcceptAsync(string? requestId, string helperKey, CancellationToken cancellationToken)
    {
        var request = await store.FindAsync(requestId, cancellationToken);
        var helpers = request is null ? [] : await store.HelpersAsync(request.Id, cancellationToken);
        var assignment = helpers.FirstOrDefault(helper => helper.HelperKey == helperKey);
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

            var accepted = await store.TryAcceptAsync(request with { Status = RequestStatus.Accepted, AcceptedBy = helperKey, ClosedAt = time.GetUtcNow() }, helpers, cancellationToken);
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

        await CloseIfNobodyLeftAsync(request, cancellationToken);
        return cards.DeclineAcknowledged();
    }

    /// <summary>
    /// A helper's card could not reach them: they count as not asked, and the asker is offered
    /// someone else now rather than when the request expires.
    /// </summary>
    public async Task HelperUnreachableAsync(string requestId, string helperKey, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(requestId, cancellationToken) is not { Status: RequestStatus.Open } request)
        {
            return;
        }

        if ((await store.HelpersAsync(request.Id, cancellationToken)).FirstOrDefault(helper => helper.HelperKey == helperKey) is { Status: HelperStatus.Pending } assignment)
        {
            await store.TryUpdateHelperAsync(assignment with { Status = HelperStatus.Closed }, cancellationToken);
        }

        if (!await CloseIfNobodyLeftAsync(request, cancellationToken))
        {
            await outbox.EnqueueAsync(HelpRequestPosts.NextCandidatesFor(request, NextReason.SomeUnreachable, helperKey), null, cancellationToken);
        }
    }

    /// <summary>Everyone asked declined or could not be reached: the request closes and the asker is offered others.</summary>
    private async Task<bool> CloseIfNobodyLeftAsync(HelpRequest request, CancellationToken cancellationToken)
    {
        var helpers = await store.HelpersAsync(request.Id, cancellationToken);
        if (request.Status != RequestStatus.Open || !helpers.All(helper => helper.Status is HelperStatus.Declined or HelperStatus.Closed))
        {
            return false;
        }

        if (await CloseAsync(request, RequestStatus.AllDeclined, cancellationToken) is { } closed)
        {
            await outbox.EnqueueAsync(HelpRequestPosts.NextCandidatesFor(closed, NextReason.AllDeclined), null, cancellationToken);
        }

        return true;
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

        await UpdateHelperCardsAsync(cancelled, except: null, HelperCardVariants.NoLongerNeeded, cancellationToken);
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

        await UpdateHelperCardsAsync(expired, except: null, HelperCardVariants.Expired, cancellationToken);
        await outbox.EnqueueAsync(HelpRequestPosts.NextCandidatesFor(expired, NextReason.Expired), null, cancellationToken);
    }

    /// <summary>A person is being forgotten: their open requests close and the other side is told neutrally.</summary>
    public async Task CloseForForgottenPersonAsync(string requestId, string personKey, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(requestId, cancellationToken) is { Status: RequestStatus.Open } request
            && await CloseAsync(request, RequestStatus.Cancelled, cancellationToken) is { } closed)
        {
            await UpdateHelperCardsAsync(closed, except: personKey, HelperCardVariants.OtherSideLeft, cancellationToken);
            if (closed.AskerKey != personKey)
            {
                await outbox.EnqueueAsync(HelpRequestPosts.OtherSideLeftTo(closed), null, cancellationToken);
            }
        }

        await store.DeleteAsync(requestId, cancellationToken);
    }

    private async Task IntroduceAsync(HelpRequest request, HelperAssignment helper, CancellationToken cancellationToken)
    {
        // The helpers' statuses changed with the request, in one transaction.
        await UpdateHelperCardsAsync(request, except: helper.HelperKey, HelperCardVariants.AlreadyHelped, cancellationToken);
        await outbox.EnqueueAsync(HelpRequestPosts.IntroductionTo(request), null, cancellationToken);
        await pairs.RecordHelpAsync(request.AskerKey, helper.HelperKey, cancellationToken);
        var now = time.GetUtcNow();
        await deadlines.AddAsync(request.Id, [(DeadlineKind.FollowUp, now + options.Value.FollowUpAfter), (DeadlineKind.Purge, now + TimeSpan.FromDays(options.Value.RetentionDays))], cancellationToken);
        Log.Introduced(logger);
    }

    /// <summary>The links come from the request's own partition; a request sent before it held them reads the people's contacts.</summary>
    public async Task<Introduction> IntroductionAsync(HelpRequest request, HelperAssignment helper, CancellationToken cancellationToken)
    {
        var links = await store.ContactLinksAsync(request.Id, cancellationToken);
        async Task<string?> UpnAsync(string key) =>
            links.TryGetValue(key, out var link) ? link.UserPrincipalName : (await contacts.FindAsync(key, cancellationToken))?.UserPrincipalName;
        return new(request.Id, request.AskerName, await UpnAsync(request.AskerKey), helper.HelperName, await UpnAsync(helper.HelperKey), request.Topics);
    }

    private async Task<HelpRequest?> CloseAsync(HelpRequest request, RequestStatus status, CancellationToken cancellationToken)
    {
        var closed = await store.TryUpdateAsync(request with { Status = status, ClosedAt = time.GetUtcNow() }, cancellationToken);
        if (closed is not null)
        {
            await deadlines.AddAsync(DeadlineKind.Purge, request.Id, time.GetUtcNow() + TimeSpan.FromDays(options.Value.RetentionDays), cancellationToken);
        }

        return closed;
    }

    private async Task UpdateHelperCardsAsync(HelpRequest request, string? except, string variant, CancellationToken cancellationToken)
    {
        foreach (var helper in await store.HelpersAsync(request.Id, cancellationToken))
        {
            // A helper who declined already sees their acknowledgement in place of the card: nothing to replace.
            if (helper.HelperKey != except && helper is { Status: not HelperStatus.Declined, ServiceUrl: { } serviceUrl, ConversationId: { } conversationId, ActivityId: { Length: > 0 } activityId })
            {
                await outbox.EnqueueAsync(HelpRequestPosts.HelperCardUpdate(request.Id, helper.HelperKey, variant, new CardLocation(serviceUrl, conversationId, activityId)), null, cancellationToken);
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
