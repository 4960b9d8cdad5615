using Microsoft.Extensions.Localization;
using PeerSupportBot.Asking;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.HelpRequests;

/// <summary>"Autan mielelläni" / "Happy to help": only the colleague the card was sent to can press it.</summary>
internal sealed class AcceptAction(HelpRequestService requests, IStringLocalizer<HelpRequestText> text) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken) =>
        Participant.From(invocation.Turn.Activity) is { } helper
        && await requests.AcceptAsync(invocation.Data.RequestId, helper.Key, cancellationToken) is { } card
            ? AdaptiveCardResponses.Card(card)
            : Refusals.Card(text["NotYourRequest"]);
}

/// <summary>"En ehdi nyt" / "Can't right now": private and blameless; the asker never learns who declined.</summary>
internal sealed class DeclineAction(HelpRequestService requests, IStringLocalizer<HelpRequestText> text) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken) =>
        Participant.From(invocation.Turn.Activity) is { } helper
        && await requests.DeclineAsync(invocation.Data.RequestId, helper.Key, cancellationToken) is { } card
            ? AdaptiveCardResponses.Card(card)
            : Refusals.Card(text["NotYourRequest"]);
}

/// <summary>The asker cancels an open request; the helpers' cards say it is no longer needed.</summary>
internal sealed class CancelAction(HelpRequestService requests, AskCards cards, IStringLocalizer<AskText> text) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        if (Participant.From(invocation.Turn.Activity) is not { } asker)
        {
            return Refusals.Card(text["OnlyAskerCanCancel"]);
        }

        return await requests.CancelAsync(invocation.Data.RequestId, asker.Key, cancellationToken) switch
        {
            CancelOutcome.Cancelled => AdaptiveCardResponses.Card(cards.Cancelled()),
            CancelOutcome.NotOpen => Refusals.Card(text["RequestNotOpen"]),
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
