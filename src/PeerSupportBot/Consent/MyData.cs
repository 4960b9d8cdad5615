using Microsoft.Extensions.Localization;
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

/// <summary>"forget me" / "unohda minut": asks first.</summary>
internal sealed class ForgetMeCommand(ConsentCards cards) : IBotCommand
{
    public Task ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        invocation.Turn.SendAttachmentAsync(cards.ConfirmForget().ToAttachment(), cancellationToken: cancellationToken);
}

internal sealed class ForgetAction(ForgetMe forgetMe, ConsentCards cards, IStringLocalizer<CohortText> cohortText) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        if (!Conversations.IsPersonal(invocation.Turn.Activity) || Participant.From(invocation.Turn.Activity) is not { } person)
        {
            return Refusals.Card(cohortText["CommandOnlyInPersonalChat"]);
        }

        await forgetMe.ForgetAsync(person.Key, cancellationToken);
        return AdaptiveCardResponses.Card(cards.Forgotten());
    }
}

internal sealed class KeepDataAction(ConsentCards cards) : ICardAction
{
    public Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken) =>
        Task.FromResult(AdaptiveCardResponses.Card(cards.DataKept()));
}

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
