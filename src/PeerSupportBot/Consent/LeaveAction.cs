using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.Consent;

/// <summary>The Leave button on "my cohorts".</summary>
internal sealed class LeaveAction(Leaving leaving, CohortStore cohorts, CohortCards cards, IStringLocalizer<CohortText> cohortText) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        var cohort = await cohorts.FindAsync(invocation.Data.CohortId, cancellationToken);
        if (cohort is null || Participant.From(invocation.Turn.Activity) is not { } person
            || !await leaving.LeaveAsync(person.Key, cohort.Id, cancellationToken))
        {
            return Refusals.Card(cohortText["NotMember"]);
        }

        return AdaptiveCardResponses.Card(cards.Left(cohort.Name));
    }
}
