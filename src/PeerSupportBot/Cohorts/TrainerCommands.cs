using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.Cohorts;

/// <summary>"my cohorts" / "omat ryhmät" (and "leave" / "eroa"): the cohorts a person trains and belongs to, with their buttons.</summary>
internal sealed class MyCohortsCommand(CohortStore cohorts, CohortCards cards) : IBotCommand
{
    public async Task ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var person = Participant.From(invocation.Turn.Activity);
        var entries = person is null ? [] : await cohorts.CohortsOfAsync(person.Key, cancellationToken);
        var trained = new Dictionary<string, Cohort>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(entry => entry.Role == CohortRole.Trainer))
        {
            if (await cohorts.FindAsync(entry.CohortId, cancellationToken) is { } cohort)
            {
                trained[cohort.Id] = cohort;
            }
        }

        await invocation.Turn.SendAttachmentAsync(cards.MyCohorts(entries, trained).ToAttachment(), cancellationToken: cancellationToken);
    }
}
