using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.Consent;
using PeerSupportBot.Contacts;

namespace PeerSupportBot.Cohorts;

/// <summary>
/// Whether a person may join a cohort, and the consent card that asks them. A join is allowed by
/// the cohort's current code, or by its invitation having been posted in the chat the button was
/// pressed in. Nothing about the person is stored until they consent.
/// </summary>
internal sealed class JoinFlow(
    CohortStore cohorts,
    JoinThrottle throttle,
    JoinTickets tickets,
    ProfileStore profiles,
    ConsentCards consentCards,
    IStringLocalizer<CohortText> text)
{
    public async Task<(Cohort? Cohort, string? Refusal)> CheckAsync(Participant person, string? cohortId, string? code, string? conversationId, CancellationToken cancellationToken)
    {
        if (await throttle.IsBlockedAsync(person.Key, cancellationToken))
        {
            return (null, text["TooManyAttempts", (int)JoinThrottle.Window.TotalMinutes]);
        }

        Cohort? cohort;
        if (!string.IsNullOrWhiteSpace(code))
        {
            cohort = await cohorts.FindByCodeAsync(code, cancellationToken);
            if (cohort is null || (cohortId is not null && cohort.Id != cohortId))
            {
                await throttle.RecordFailureAsync(person.Key, cancellationToken);
                return (null, text["UnknownCode"]);
            }
        }
        else
        {
            cohort = await cohorts.FindAsync(cohortId, cancellationToken);
            if (cohort is null || conversationId is null || !await cohorts.WasPostedToAsync(cohort.Id, conversationId, cancellationToken))
            {
                return (null, text["UnknownCode"]);
            }
        }

        if (cohort.Closed)
        {
            return (null, text["ClosedCohort"]);
        }

        return await cohorts.IsMemberAsync(cohort.Id, person.Key, cancellationToken)
            ? (null, text["AlreadyMember"])
            : (cohort, null);
    }

    /// <summary>The consent card, carrying a one-cohort ticket instead of the code.</summary>
    /// <param name="openBot">Given when the card is shown in a group because the bot cannot write to the person privately.</param>
    public async Task<AdaptiveCard> ConsentCardAsync(Cohort cohort, Participant person, CancellationToken cancellationToken, Uri? openBot = null)
    {
        var ticket = await tickets.IssueAsync(cohort.Id, cancellationToken);
        var existing = await profiles.FindAsync(person.Key, cancellationToken);
        return consentCards.ConsentRequest(cohort, ticket, existing, openBot: openBot);
    }
}
