using System.Security.Cryptography;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PeerSupportBot.Asking;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;
using PeerSupportBot.Matching;
using PeerSupportBot.Outbox;
using PeerSupportBot.Storage;
using static PeerSupportBot.CardLayout.CardParts;

namespace PeerSupportBot.HelpRequests;

/// <summary>The buttons of a help request's cards: a pressed verb finds its action below by key.</summary>
internal static class HelpRequestVerbs
{
    public const string Accept = "request.accept";
    public const string Decline = "request.decline";
    public const string Cancel = "request.cancel";
    public const string Feedback = "feedback.give";

    public static IServiceCollection AddHelpRequestVerbs(this IServiceCollection services) => services
        .AddCardAction<AcceptAction>(Accept)
        .AddCardAction<DeclineAction>(Decline)
        .AddCardAction<CancelAction>(Cancel)
        .AddCardAction<FeedbackAction>(Feedback);
}

/// <summary>The answers of "Did it help?".</summary>
internal static class FeedbackAnswers
{
    public const string Yes = "yes";
    public const string Somewhat = "somewhat";
    public const string No = "no";
}

/// <summary>"Autan mielelläni" / "Happy to help": only the colleague the card was sent to can press it.</summary>
internal sealed class AcceptAction(RequestChanges requests, HelpRequestStore store, HelpRequestCards cards, IStringLocalizer<HelpRequestText> text) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        if (Participant.From(invocation.Turn.Activity) is not { } helper)
        {
            return Refusals.Card(text["NotYourRequest"]);
        }

        var step = await requests.AcceptAsync(invocation.Data.RequestId, helper.Key, cancellationToken);
        return step switch
        {
            { Answer: RequestAnswer.Introduction, After: { } after } when after.Helper(helper.Key) is { } accepted =>
                AdaptiveCardResponses.Card(cards.IntroductionForHelper(await store.IntroductionAsync(after.Request, accepted, cancellationToken))),
            { Answer: RequestAnswer.AlreadyHelped or RequestAnswer.TryAgain } => AdaptiveCardResponses.Card(cards.AlreadyHelped()),
            _ => Refusals.Card(text["NotYourRequest"]),
        };
    }
}

/// <summary>"En ehdi nyt" / "Can't right now": private and blameless; the asker never learns who declined.</summary>
internal sealed class DeclineAction(RequestChanges requests, IStringLocalizer<HelpRequestText> text, IStringLocalizer<ConversationText> conversationText) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        if (Participant.From(invocation.Turn.Activity) is not { } helper)
        {
            return Refusals.Card(text["NotYourRequest"]);
        }

        return (await requests.DeclineAsync(invocation.Data.RequestId, helper.Key, cancellationToken)).Answer switch
        {
            RequestAnswer.DeclineAcknowledged => AdaptiveCardResponses.Card(Acknowledged(text)),
            RequestAnswer.TryAgain => Refusals.Card(conversationText["TryAgainShortly"]),
            _ => Refusals.Card(text["NotYourRequest"]),
        };
    }

    /// <summary>What the decliner sees instead of the request: thanks, and that nobody is told who declined.</summary>
    public static AdaptiveCard Acknowledged(IStringLocalizer<HelpRequestText> text) =>
        Notice(text["DeclineAcknowledgedTitle"], text["DeclineAcknowledgedExplained"]);
}

/// <summary>The asker cancels an open request; the helpers' cards say it is no longer needed.</summary>
internal sealed class CancelAction(RequestChanges requests, AskCards cards, IStringLocalizer<AskText> text, IStringLocalizer<ConversationText> conversationText) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        if (Participant.From(invocation.Turn.Activity) is not { } asker)
        {
            return Refusals.Card(text["OnlyAskerCanCancel"]);
        }

        return (await requests.CancelAsync(invocation.Data.RequestId, asker.Key, cancellationToken)).Answer switch
        {
            RequestAnswer.Cancelled => AdaptiveCardResponses.Card(cards.Cancelled()),
            RequestAnswer.NotOpen => Refusals.Card(text["RequestNotOpen"]),
            RequestAnswer.TryAgain => Refusals.Card(conversationText["TryAgainShortly"]),
            _ => Refusals.Card(text["OnlyAskerCanCancel"]),
        };
    }
}

/// <summary>"Did it help?": one tap, kept only as a count per cohort.</summary>
internal sealed class FeedbackAction(FollowUps followUps, IStringLocalizer<HelpRequestText> text) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken) =>
        Participant.From(invocation.Turn.Activity) is { } person
        && await followUps.RecordAsync(invocation.Data.RequestId, person.Key, invocation.Data.Answer, cancellationToken)
            ? AdaptiveCardResponses.Card(Thanks(text))
            : Refusals.Card(text["NotYourRequest"]);

    public static AdaptiveCard Thanks(IStringLocalizer<HelpRequestText> text) =>
        Notice(text["FeedbackThanksTitle"], text["FeedbackThanksExplained"]);
}

/// <summary>
/// Every change in a request's life: sending it, each press, each deadline and each delivery that
/// failed. A change reads the request, lets <see cref="RequestLifecycle"/> decide, stores the
/// decision conditional on what was read (so two clicks or two bot instances give exactly one
/// introduction), and carries out its effects. What people are told goes through the outbox:
/// nothing here waits for Teams.
/// </summary>
internal sealed class RequestChanges(
    HelpRequestStore store,
    Deadlines deadlines,
    PairHistory pairs,
    OutboxQueue outbox,
    IOptions<HelpRequestOptions> options,
    TimeProvider time,
    ILogger<RequestChanges> logger)
{
    public async Task<(HelpRequest Request, IReadOnlyList<string> AskedNames)> SendAsync(
        Participant asker, string askerLocale, IReadOnlyList<string> topics, Urgency urgency, string? sharedProblem,
        IReadOnlyList<Candidate> helpers, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var request = await store.CreateAsync(
            new HelpRequest(NewId(), asker.Key, topics, urgency, RequestStatus.Open, now, now + options.Value.Expiry, null, null, "") { AskerLocale = askerLocale },
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

    /// <summary>
    /// A person is being forgotten: their open request closes, the other side is told, and its rows
    /// go. The records of its posts (no person in them) stay until its purge deadline, so that a
    /// retry's effects are recognised as posted already.
    /// </summary>
    public async Task CloseForForgottenPersonAsync(string requestId, string personKey, CancellationToken cancellationToken)
    {
        await ChangeAsync(requestId, (state, clock) => RequestLifecycle.CloseForForgottenPerson(state, personKey, clock), cancellationToken);
        await store.DeleteAsync(requestId, cancellationToken, withDeliveryRecords: false);
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
