using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.Consent;

/// <summary>"my data" / "omat tietoni": everything stored about the person, plainly.</summary>
internal sealed class MyDataCommand(CohortStore cohorts, ProfileStore profiles, ContactStore contacts, ConsentLog consentLog, ConsentCards cards) : IBotCommand
{
    public async Task ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        if (Participant.From(invocation.Turn.Activity) is not { } person)
        {
            return;
        }

        var memberships = await cohorts.CohortsOfAsync(person.Key, cancellationToken);
        var log = await consentLog.OfAsync(person.Key, cancellationToken);
        var names = memberships.ToDictionary(entry => entry.CohortId, entry => entry.CohortName, StringComparer.Ordinal);
        foreach (var cohortId in log.Select(entry => entry.CohortId).Distinct().Where(id => !names.ContainsKey(id)))
        {
            if (await cohorts.FindAsync(cohortId, cancellationToken) is { } cohort)
            {
                names[cohortId] = cohort.Name;
            }
        }

        var card = cards.MyData(person.Name, await profiles.FindAsync(person.Key, cancellationToken), await contacts.FindAsync(person.Key, cancellationToken), memberships, log, names);
        await invocation.Turn.SendAttachmentAsync(card.ToAttachment(), cancellationToken: cancellationToken);
    }
}
