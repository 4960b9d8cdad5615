using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.Cohorts;

/// <summary>"join &lt;code&gt;" / "liity &lt;koodi&gt;" in the 1:1 chat: the consent card follows.</summary>
internal sealed class JoinCommand(JoinFlow flow, IStringLocalizer<CohortText> text) : IBotCommand
{
    public async Task ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var turn = invocation.Turn;
        if (invocation.Arguments.Length == 0 || Participant.From(turn.Activity) is not { } person)
        {
            await Refusals.TextAsync(turn, text["JoinCodeMissing"], cancellationToken);
            return;
        }

        var (cohort, refusal) = await flow.CheckAsync(person, null, invocation.Arguments, null, cancellationToken);
        if (cohort is null)
        {
            await Refusals.TextAsync(turn, refusal!, cancellationToken);
            return;
        }

        await turn.SendAttachmentAsync((await flow.ConsentCardAsync(cohort, person, cancellationToken)).ToAttachment(), cancellationToken: cancellationToken);
    }
}

/// <summary>
/// The Join button of an invitation. In a course chat the consent card goes to the person's 1:1
/// chat (opened proactively) and only the presser's view of the invitation changes. When Teams
/// will not let the bot write to them privately (no personal install), the consent happens in
/// that view instead: an Action.Execute answer is shown to the presser alone.
/// </summary>
internal sealed class JoinAction(JoinFlow flow, CohortCards cards, IStringLocalizer<CohortText> text) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        var turn = invocation.Turn;
        if (Participant.From(turn.Activity) is not { } person)
        {
            return Refusals.Card(text["UnknownAction"]);
        }

        var (cohort, refusal) = await flow.CheckAsync(person, invocation.Data.CohortId, invocation.Data.Code, turn.Activity.Conversation?.Id, cancellationToken);
        if (cohort is null)
        {
            return Refusals.Card(refusal!);
        }

        var consent = await flow.ConsentCardAsync(cohort, person, cancellationToken);
        if (Conversations.IsPersonal(turn.Activity))
        {
            return AdaptiveCardResponses.Card(consent);
        }

        if (await PrivateChat.SendAsync(turn, consent, cancellationToken))
        {
            return AdaptiveCardResponses.Card(cards.JoinContinuesPrivately(cohort));
        }

        return AdaptiveCardResponses.Card(await flow.ConsentCardAsync(cohort, person, cancellationToken, PrivateChat.OpenLink(turn.Activity)));
    }
}
