using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.Consent;

/// <summary>"eroa" / "leave": leaving starts from the list of the person's cohorts, each with its Leave button.</summary>
internal sealed class LeaveCommand(MyCohortsCommand myCohorts) : IBotCommand
{
    public Task ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        myCohorts.ExecuteAsync(invocation, cancellationToken);
}

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
