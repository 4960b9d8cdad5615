using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.Cohorts;

/// <summary>
/// "@bot invite" / "@bot kutsu" in a course chat or channel: posts the trainer's invitation there,
/// asks which cohort when there are several, or offers to create one named after the chat.
/// </summary>
internal sealed class InviteCommand(CohortStore cohorts, CohortCards cards) : IBotCommand
{
    public async Task ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var turn = invocation.Turn;
        var trainer = Participant.From(turn.Activity);
        var trained = trainer is null ? [] : await OpenCohortsTrainedByAsync(cohorts, trainer.Key, cancellationToken);
        var card = trained.Count switch
        {
            0 => cards.CreateForm(ChatName(turn.Activity), postHere: true),
            1 => cards.Invitation(trained[0], null),
            _ => cards.PickCohortToInvite(trained),
        };
        if (trained.Count == 1)
        {
            await cohorts.RecordPostingAsync(trained[0].Id, turn.Activity.Conversation!.Id!, cancellationToken);
        }

        await turn.SendAttachmentAsync(card.ToAttachment(), cancellationToken: cancellationToken);
    }

    internal static async Task<IReadOnlyList<Cohort>> OpenCohortsTrainedByAsync(CohortStore cohorts, string trainerKey, CancellationToken cancellationToken)
    {
        var result = new List<Cohort>();
        foreach (var entry in (await cohorts.CohortsOfAsync(trainerKey, cancellationToken)).Where(entry => entry.Role == CohortRole.Trainer))
        {
            if (await cohorts.FindAsync(entry.CohortId, cancellationToken) is { Closed: false } cohort && cohort.TrainerKey == trainerKey)
            {
                result.Add(cohort);
            }
        }

        return result;
    }

    private static string? ChatName(Activity activity) =>
        activity.Conversation?.Name ?? activity.GetTeamsChannelData()?.Channel?.Name ?? activity.GetTeamsChannelData()?.Team?.Name;
}

/// <summary>The trainer picked which cohort to invite to: the invitation is posted in the chat.</summary>
internal sealed class InviteAction(CohortStore cohorts, CohortCards cards, IStringLocalizer<CohortText> text) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        var turn = invocation.Turn;
        var cohort = await cohorts.FindAsync(invocation.Data.CohortChoice ?? invocation.Data.CohortId, cancellationToken);
        if (cohort is null || Participant.From(turn.Activity)?.Key != cohort.TrainerKey)
        {
            return Refusals.Card(text["NotTrainer"]);
        }

        if (cohort.Closed)
        {
            return Refusals.Card(text["ClosedCohort"]);
        }

        await cohorts.RecordPostingAsync(cohort.Id, turn.Activity.Conversation!.Id!, cancellationToken);
        await turn.SendAttachmentAsync(cards.Invitation(cohort, null).ToAttachment(), cancellationToken: cancellationToken);
        return AdaptiveCardResponses.Card(cards.Invitation(cohort, null));
    }
}
