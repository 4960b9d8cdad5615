using PeerSupportBot.Asking;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PeerSupportBot.Contacts;
using PeerSupportBot.Matching;
using PeerSupportBot.Outbox;
using PeerSupportBot.Storage;

namespace PeerSupportBot.HelpRequests;

/// <summary>
/// Carries out a request's life: sends it to the chosen colleagues, and for each press or
/// deadline reads the request, lets <see cref="RequestLifecycle"/> decide, stores the decision
/// conditional on what was read (so two clicks or two bot instances give exactly one
/// introduction), and carries out its effects. What people are told goes through the outbox:
/// nothing here waits for Teams.
/// </summary>
internal sealed class HelpRequestService(
    HelpRequestStore store,
    Deadlines deadlines,
    PairHistory pairs,
    ContactStore contacts,
    OutboxQueue outbox,
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

    /// <summary>"Happy to help": the first accept introduces the two (<see cref="RequestLifecycle.Accept"/>).</summary>
    public Task<RequestStep> AcceptAsync(string? requestId, string helperKey, CancellationToken cancellationToken) =>
        ChangeAsync(requestId, (state, clock) => RequestLifecycle.Accept(state, helperKey, clock), cancellationToken);

    /// <summary>"Can't right now": private (<see cref="RequestLifecycle.Decline"/>).</summary>
    public Task<RequestStep> DeclineAsync(string? requestId, string helperKey, CancellationToken cancellationToken) =>
        ChangeAsync(requestId, (state, clock) => RequestLifecycle.Decline(state, helperKey, clock), cancellationToken);

    public Task<RequestStep> CancelAsync(string? requestId, string askerKey, CancellationToken cancellationToken) =>
        ChangeAsync(requestId, (state, clock) => RequestLifecycle.Cancel(state, askerKey, clock), cancellationToken);

    /// <summary>A helper's card could not reach them (<see cref="RequestLifecycle.Unreachable"/>).</summary>
    public Task HelperUnreachableAsync(string requestId, string helperKey, CancellationToken cancellationToken) =>
        ChangeAsync(requestId, (state, clock) => RequestLifecycle.Unreachable(state, helperKey, clock), cancellationToken);

    public Task ExpireAsync(string requestId, CancellationToken cancellationToken) =>
        ChangeAsync(requestId, RequestLifecycle.Expire, cancellationToken);

    /// <summary>A person is being forgotten: their open request closes, the other side is told, and its rows go.</summary>
    public async Task CloseForForgottenPersonAsync(string requestId, string personKey, CancellationToken cancellationToken)
    {
        await ChangeAsync(requestId, (state, clock) => RequestLifecycle.CloseForForgottenPerson(state, personKey, clock), cancellationToken);
        await store.DeleteAsync(requestId, cancellationToken);
    }

    /// <summary>The links come from the request's own partition; a request sent before it held them reads the people's contacts.</summary>
    public async Task<Introduction> IntroductionAsync(HelpRequest request, HelperAssignment helper, CancellationToken cancellationToken)
    {
        var links = await store.ContactLinksAsync(request.Id, cancellationToken);
        async Task<string?> UpnAsync(string key) =>
            links.TryGetValue(key, out var link) ? link.UserPrincipalName : (await contacts.FindAsync(key, cancellationToken))?.UserPrincipalName;
        return new(request.Id, request.AskerName, await UpnAsync(request.AskerKey), helper.HelperName, await UpnAsync(helper.HelperKey), request.Topics);
    }

    /// <summary>
    /// Reads the request with its helpers, lets the rule decide, stores what it decided if nobody
    /// changed the request meanwhile (else reads again and decides again), then carries out the
    /// effects: only a stored step has effects, so an effect cannot happen for a lost race.
    /// </summary>
    private async Task<RequestStep> ChangeAsync(string? requestId, Func<RequestState, RequestClock, RequestStep> rule, CancellationToken cancellationToken)
    {
        var step = await ReadChangeWrite.RunAsync(async token =>
        {
            if (await store.FindAsync(requestId, token) is not { } request)
            {
                return WriteAttempt<RequestStep>.Settled(RequestStep.Unknown);
            }

            var read = new RequestState(request, await store.HelpersAsync(request.Id, token));
            var decided = rule(read, RequestClock.At(time.GetUtcNow(), options.Value));
            if (decided is { Changed: true, After: { } changed })
            {
                await store.SaveAsync(read, changed, token);
            }

            return WriteAttempt<RequestStep>.Settled(decided);
        }, keptLosing: () => RequestStep.KeptLosing, cancellationToken);

        foreach (var effect in step.Effects.Where(effect => effect is not Schedule))
        {
            await CarryOutAsync(step.After!.Request, effect, cancellationToken);
        }

        // What is due later is written together: one storage request however many deadlines.
        if (step.Effects.OfType<Schedule>().ToList() is { Count: > 0 } later)
        {
            await deadlines.AddAsync(step.After!.Request.Id, [.. later.Select(schedule => (schedule.Kind, schedule.Due))], cancellationToken);
        }

        return step;
    }

    // Every effect is an outbox message with an id fixed by the effect, or an upsert: carried out
    // twice (a retried turn), it still happens once.
    private async Task CarryOutAsync(HelpRequest request, RequestEffect effect, CancellationToken cancellationToken)
    {
        switch (effect)
        {
            case UpdateHelperCard update:
                await outbox.EnqueueAsync(HelpRequestPosts.HelperCardUpdate(request.Id, update.HelperKey, update.Variant, update.Card), null, cancellationToken);
                break;
            case IntroduceAsker:
                await outbox.EnqueueAsync(HelpRequestPosts.IntroductionTo(request), null, cancellationToken);
                Log.Introduced(logger);
                break;
            case OfferOthersToAsker offer:
                await outbox.EnqueueAsync(HelpRequestPosts.NextCandidatesFor(request, offer.Reason, offer.Unreachable), null, cancellationToken);
                break;
            case TellAskerTheOtherSideLeft:
                await outbox.EnqueueAsync(HelpRequestPosts.OtherSideLeftTo(request), null, cancellationToken);
                break;
            case RecordHelp help:
                await pairs.RecordHelpAsync(help.AskerKey, help.HelperKey, request.Id, cancellationToken);
                break;
        }
    }

    private static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
