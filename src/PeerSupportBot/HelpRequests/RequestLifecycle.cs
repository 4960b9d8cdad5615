using PeerSupportBot.Asking;
using PeerSupportBot.Outbox;

namespace PeerSupportBot.HelpRequests;

/// <summary>When a step happens, and how long what it starts lasts.</summary>
internal sealed record RequestClock(DateTimeOffset Now, TimeSpan FollowUpAfter, TimeSpan Retention)
{
    public static RequestClock At(DateTimeOffset now, HelpRequestOptions options) =>
        new(now, options.FollowUpAfter, TimeSpan.FromDays(options.RetentionDays));
}

/// <summary>
/// The rules of a request's life, as pure functions: given the request and its helpers, each
/// press or deadline returns the new state, what must follow and what the presser sees.
/// RequestChanges stores the state (conditional on what was read) and carries out the effects.
/// Declining is private: no effect of a decline names the decliner to anyone.
/// </summary>
internal static class RequestLifecycle
{
    /// <summary>The first accept wins; accepting again shows the same introduction and changes nothing.</summary>
    public static RequestStep Accept(RequestState state, string helperKey, RequestClock clock)
    {
        var request = state.Request;
        if (state.Helper(helperKey) is not { } asked)
        {
            return RequestStep.Unknown;
        }

        if (request.AcceptedBy == helperKey)
        {
            // Nothing changes, but what followed the accept is carried out again: each effect
            // happens once however often it is carried out, and an accept whose effects storage cut
            // short (the helper was told to try again) is finished by pressing again.
            return new RequestStep(RequestAnswer.Introduction, state, false, AcceptEffects(state.Helpers, request.AskerKey, helperKey, request.ClosedAt ?? clock.Now, clock));
        }

        if (request.Status != RequestStatus.Open || asked.Status != HelperStatus.Pending)
        {
            return RequestStep.Unchanged(RequestAnswer.AlreadyHelped, state);
        }

        var accepted = request with { Status = RequestStatus.Accepted, AcceptedBy = helperKey, ClosedAt = clock.Now };
        // Everyone still pending is closed; a decline stays a decline.
        var helpers = state.Helpers.Select(helper => helper.HelperKey == helperKey ? helper with { Status = HelperStatus.Accepted }
            : helper.Status == HelperStatus.Pending ? helper with { Status = HelperStatus.Closed }
            : helper).ToList();
        return new RequestStep(RequestAnswer.Introduction, new RequestState(accepted, helpers), true, AcceptEffects(state.Helpers, request.AskerKey, helperKey, clock.Now, clock));
    }

    private static List<RequestEffect> AcceptEffects(IEnumerable<HelperAssignment> helpers, string askerKey, string helperKey, DateTimeOffset acceptedAt, RequestClock clock) =>
    [
        .. CardUpdates(helpers, HelperCardVariants.AlreadyHelped, except: helperKey),
        new IntroduceAsker(),
        new RecordHelp(askerKey, helperKey),
        new Schedule(DeadlineKind.FollowUp, acceptedAt + clock.FollowUpAfter),
        new Schedule(DeadlineKind.Purge, acceptedAt + clock.Retention),
    ];

    /// <summary>
    /// Private and blameless: the decliner is thanked, nobody else hears of it. When everyone asked
    /// has declined or could not be reached, the request closes and the asker is offered others.
    /// </summary>
    public static RequestStep Decline(RequestState state, string helperKey, RequestClock clock)
    {
        if (state.Helper(helperKey) is not { } asked)
        {
            return RequestStep.Unknown;
        }

        var changed = asked.Status == HelperStatus.Pending;
        var declined = changed ? WithHelper(state, asked with { Status = HelperStatus.Declined }) : state;
        return CloseIfNobodyLeft(declined, clock, RequestAnswer.DeclineAcknowledged)
            ?? new RequestStep(RequestAnswer.DeclineAcknowledged, declined, changed, []);
    }

    /// <summary>
    /// A helper's card could not reach them: they count as not asked, and the asker is offered
    /// someone else now rather than when the request expires.
    /// </summary>
    public static RequestStep Unreachable(RequestState state, string helperKey, RequestClock clock)
    {
        if (state.Request.Status != RequestStatus.Open)
        {
            return RequestStep.Unchanged(RequestAnswer.None, state);
        }

        var asked = state.Helper(helperKey);
        var changed = asked is { Status: HelperStatus.Pending };
        var closed = changed ? WithHelper(state, asked! with { Status = HelperStatus.Closed }) : state;
        return CloseIfNobodyLeft(closed, clock, RequestAnswer.None)
            ?? new RequestStep(RequestAnswer.None, closed, changed, [new OfferOthersToAsker(NextReason.SomeUnreachable, helperKey)]);
    }

    /// <summary>Only the asker can cancel, and only an open request; the helpers' cards say it is no longer needed.</summary>
    public static RequestStep Cancel(RequestState state, string askerKey, RequestClock clock)
    {
        if (state.Request.AskerKey != askerKey)
        {
            return RequestStep.Unknown;
        }

        if (state.Request.Status != RequestStatus.Open)
        {
            return RequestStep.Unchanged(RequestAnswer.NotOpen, state);
        }

        return Close(state, RequestStatus.Cancelled, clock, RequestAnswer.Cancelled, CardUpdates(state.Helpers, HelperCardVariants.NoLongerNeeded, except: null));
    }

    /// <summary>The deadline passed with nobody accepting: the helpers' cards close and the asker is offered others.</summary>
    public static RequestStep Expire(RequestState state, RequestClock clock) =>
        state.Request.Status != RequestStatus.Open
            ? RequestStep.Unchanged(RequestAnswer.None, state)
            : Close(state, RequestStatus.Expired, clock, RequestAnswer.None,
                [.. CardUpdates(state.Helpers, HelperCardVariants.Expired, except: null), new OfferOthersToAsker(NextReason.Expired)]);

    /// <summary>Someone in the request is being forgotten: it closes, and the other side is told neutrally.</summary>
    public static RequestStep CloseForForgottenPerson(RequestState state, string personKey, RequestClock clock)
    {
        List<RequestEffect> effects = [.. CardUpdates(state.Helpers, HelperCardVariants.OtherSideLeft, except: personKey)];
        if (state.Request.AskerKey != personKey)
        {
            effects.Add(new TellAskerTheOtherSideLeft());
        }

        // Closed by an earlier attempt that storage cut short, perhaps before its effects were all
        // queued: the same effects again. Each has a fixed outbox id, and the request's delivery
        // records stay until the purge, so what went out already is not posted again.
        if (state.Request.Status == RequestStatus.Forgotten)
        {
            return new RequestStep(RequestAnswer.None, state, false,
                [.. effects, new Schedule(DeadlineKind.Purge, (state.Request.ClosedAt ?? clock.Now) + clock.Retention)]);
        }

        if (state.Request.Status != RequestStatus.Open)
        {
            return RequestStep.Unchanged(RequestAnswer.None, state);
        }

        // The request's rows are deleted right after; the purge deadline only clears its delivery records later.
        return Close(state, RequestStatus.Forgotten, clock, RequestAnswer.None, effects);
    }

    /// <summary>What a request card delivered after the request closed must become at once; null while it is still open to answer.</summary>
    public static string? VariantForLateCard(RequestStatus status) => status switch
    {
        RequestStatus.Accepted => HelperCardVariants.AlreadyHelped,
        RequestStatus.Cancelled => HelperCardVariants.NoLongerNeeded,
        RequestStatus.Expired => HelperCardVariants.Expired,
        RequestStatus.Forgotten => HelperCardVariants.OtherSideLeft,
        _ => null,
    };

    /// <summary>Null while someone asked may still answer.</summary>
    private static RequestStep? CloseIfNobodyLeft(RequestState state, RequestClock clock, RequestAnswer answer) =>
        state.Request.Status == RequestStatus.Open && state.Helpers.All(helper => helper.Status is HelperStatus.Declined or HelperStatus.Closed)
            ? Close(state, RequestStatus.AllDeclined, clock, answer, [new OfferOthersToAsker(NextReason.AllDeclined)])
            : null;

    private static RequestStep Close(RequestState state, RequestStatus status, RequestClock clock, RequestAnswer answer, IEnumerable<RequestEffect> effects, bool purgeLater = true) =>
        new(answer,
            state with { Request = state.Request with { Status = status, ClosedAt = clock.Now } },
            true,
            purgeLater ? [.. effects, new Schedule(DeadlineKind.Purge, clock.Now + clock.Retention)] : [.. effects]);

    private static RequestState WithHelper(RequestState state, HelperAssignment changed) =>
        state with { Helpers = [.. state.Helpers.Select(helper => helper.HelperKey == changed.HelperKey ? changed : helper)] };

    // Only cards that were delivered (their place is known) can be replaced. A helper who declined
    // already sees their acknowledgement in place of the card: nothing to replace.
    private static IEnumerable<RequestEffect> CardUpdates(IEnumerable<HelperAssignment> helpers, string variant, string? except) =>
        helpers
            .Where(helper => helper.HelperKey != except && helper.Status != HelperStatus.Declined)
            .Select(helper => helper is { ServiceUrl: { } serviceUrl, ConversationId: { } conversationId, ActivityId: { Length: > 0 } activityId }
                ? new UpdateHelperCard(helper.HelperKey, variant, new CardLocation(serviceUrl, conversationId, activityId))
                : null)
            .OfType<RequestEffect>();
}
