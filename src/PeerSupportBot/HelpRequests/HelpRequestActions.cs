using Microsoft.Extensions.Localization;
using PeerSupportBot.Asking;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.HelpRequests;

/// <summary>The Action.Execute verbs of help request cards, each tied to its action below.</summary>
internal static class HelpRequestVerbs
{
    public const string Accept = "request.accept";
    public const string Decline = "request.decline";
    public const string Cancel = "request.cancel";
    public const string Feedback = "feedback.give";

    /// <summary>The buttons of a help request, in one place: a pressed verb finds its action by key.</summary>
    public static IServiceCollection AddHelpRequestActions(this IServiceCollection services) => services
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
internal sealed class AcceptAction(HelpRequestService requests, HelpRequestCards cards, IStringLocalizer<HelpRequestText> text) : ICardAction
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
                AdaptiveCardResponses.Card(cards.IntroductionForHelper(await requests.IntroductionAsync(after.Request, accepted, cancellationToken))),
            { Answer: RequestAnswer.AlreadyHelped or RequestAnswer.TryAgain } => AdaptiveCardResponses.Card(cards.AlreadyHelped()),
            _ => Refusals.Card(text["NotYourRequest"]),
        };
    }
}

/// <summary>"En ehdi nyt" / "Can't right now": private and blameless; the asker never learns who declined.</summary>
internal sealed class DeclineAction(HelpRequestService requests, HelpRequestCards cards, IStringLocalizer<HelpRequestText> text, IStringLocalizer<ConversationText> conversationText) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        if (Participant.From(invocation.Turn.Activity) is not { } helper)
        {
            return Refusals.Card(text["NotYourRequest"]);
        }

        return (await requests.DeclineAsync(invocation.Data.RequestId, helper.Key, cancellationToken)).Answer switch
        {
            RequestAnswer.DeclineAcknowledged => AdaptiveCardResponses.Card(cards.DeclineAcknowledged()),
            RequestAnswer.TryAgain => Refusals.Card(conversationText["TryAgainShortly"]),
            _ => Refusals.Card(text["NotYourRequest"]),
        };
    }
}

/// <summary>The asker cancels an open request; the helpers' cards say it is no longer needed.</summary>
internal sealed class CancelAction(HelpRequestService requests, AskCards cards, IStringLocalizer<AskText> text, IStringLocalizer<ConversationText> conversationText) : ICardAction
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
internal sealed class FeedbackAction(FollowUps followUps, HelpRequestCards cards, IStringLocalizer<HelpRequestText> text) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken) =>
        Participant.From(invocation.Turn.Activity) is { } person
        && await followUps.RecordAsync(invocation.Data.RequestId, person.Key, invocation.Data.Answer, cancellationToken)
            ? AdaptiveCardResponses.Card(cards.FeedbackThanks())
            : Refusals.Card(text["NotYourRequest"]);
}
