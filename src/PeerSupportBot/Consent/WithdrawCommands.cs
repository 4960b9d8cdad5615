using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.Consent;

/// <summary>"withdraw" / "peru suostumus": asks first, then leaves every cohort.</summary>
internal sealed class WithdrawCommand(ConsentCards cards) : IBotCommand
{
    public Task ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        invocation.Turn.SendAttachmentAsync(cards.ConfirmWithdraw().ToAttachment(), cancellationToken: cancellationToken);
}

internal sealed class WithdrawAllAction(Leaving leaving, ConsentCards cards, IStringLocalizer<CohortText> cohortText) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        if (Participant.From(invocation.Turn.Activity) is not { } person)
        {
            return Refusals.Card(cohortText["UnknownAction"]);
        }

        await leaving.LeaveAllAsync(person.Key, cancellationToken);
        return AdaptiveCardResponses.Card(cards.Withdrawn());
    }
}
