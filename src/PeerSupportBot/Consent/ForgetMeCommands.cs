using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.Consent;

/// <summary>"forget me" / "unohda minut": asks first.</summary>
internal sealed class ForgetMeCommand(ConsentCards cards) : IBotCommand
{
    public Task ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        invocation.Turn.SendAttachmentAsync(cards.ConfirmForget().ToAttachment(), cancellationToken: cancellationToken);
}

/// <summary>
/// "Forget me" pressed. Once its job is queued the forgetting finishes by itself, so the answer
/// says that everything is gone or that the rest goes shortly, never "try again". Only a failure
/// to queue the job reaches the turn's safety net, which asks the person to try again.
/// </summary>
internal sealed class ForgetAction(DurableForgetMe forgetMe, ConsentCards cards, IStringLocalizer<CohortText> cohortText) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        if (!Conversations.IsPersonal(invocation.Turn.Activity) || Participant.From(invocation.Turn.Activity) is not { } person)
        {
            return Refusals.Card(cohortText["CommandOnlyInPersonalChat"]);
        }

        return await forgetMe.ForgetAsync(person.Key, cancellationToken) switch
        {
            ForgetMeOutcome.Forgotten => AdaptiveCardResponses.Card(cards.Forgotten()),
            _ => AdaptiveCardResponses.Card(cards.BeingForgotten()),
        };
    }
}

internal sealed class KeepDataAction(ConsentCards cards) : ICardAction
{
    public Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken) =>
        Task.FromResult(AdaptiveCardResponses.Card(cards.DataKept()));
}
