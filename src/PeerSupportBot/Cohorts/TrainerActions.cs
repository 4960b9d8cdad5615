using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;
using PeerSupportBot.Outbox;

namespace PeerSupportBot.Cohorts;

/// <summary>The trainer's buttons. Each checks, from storage, that the presser trains the cohort named in the data.</summary>
internal abstract class TrainerAction(CohortStore cohorts, IStringLocalizer<CohortText> text) : ICardAction
{
    protected CohortStore Cohorts => cohorts;

    protected IStringLocalizer<CohortText> Text => text;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        var cohort = await cohorts.FindAsync(invocation.Data.CohortId, cancellationToken);
        if (cohort is null || Participant.From(invocation.Turn.Activity)?.Key != cohort.TrainerKey)
        {
            return Refusals.Card(text["NotTrainer"]);
        }

        return await ExecuteAsync(invocation, cohort, cancellationToken);
    }

    protected abstract Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, Cohort cohort, CancellationToken cancellationToken);
}

internal sealed class MembersAction(CohortStore cohorts, CohortCards cards, ContactStore contacts, IStringLocalizer<CohortText> text) : TrainerAction(cohorts, text)
{
    protected override async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, Cohort cohort, CancellationToken cancellationToken)
    {
        var members = await Cohorts.MembersAsync(cohort.Id, cancellationToken);
        return AdaptiveCardResponses.Card(cards.Members(cohort, members, await UnreachableAsync(contacts, members, cancellationToken)));
    }

    /// <summary>Members the bot cannot write to (never opened it personally, or removed it): the trainer can nudge them.</summary>
    public static async Task<IReadOnlySet<string>> UnreachableAsync(ContactStore contacts, IReadOnlyList<CohortMember> members, CancellationToken cancellationToken)
    {
        var links = await Task.WhenAll(members.Select(member => contacts.FindAsync(member.PersonKey, cancellationToken)));
        return members.Zip(links)
            .Where(pair => pair.Second?.IsReachable != true)
            .Select(pair => pair.First.PersonKey)
            .ToHashSet(StringComparer.Ordinal);
    }
}

internal sealed class RemoveMemberAction(CohortStore cohorts, CohortCards cards, ContactStore contacts, OutboxQueue outbox, IStringLocalizer<CohortText> text) : TrainerAction(cohorts, text)
{
    protected override async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, Cohort cohort, CancellationToken cancellationToken)
    {
        var members = await Cohorts.MembersAsync(cohort.Id, cancellationToken);
        var member = members.FirstOrDefault(candidate => candidate.PersonKey == invocation.Data.MemberKey);
        if (member is null)
        {
            return Refusals.Card(Text["NotMember"]);
        }

        await Cohorts.RemoveMemberAsync(cohort.Id, member.PersonKey, cancellationToken);
        await outbox.EnqueueAsync(CohortNotices.To(member.PersonKey, CohortNotices.Removed), cohort.Name, cancellationToken);
        List<CohortMember> remaining = [.. members.Where(candidate => candidate != member)];
        return AdaptiveCardResponses.Card(cards.Members(cohort, remaining, await MembersAction.UnreachableAsync(contacts, remaining, cancellationToken)));
    }
}

internal sealed class RotateCodeAction(CohortStore cohorts, CohortCards cards, IStringLocalizer<CohortText> text) : TrainerAction(cohorts, text)
{
    protected override async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, Cohort cohort, CancellationToken cancellationToken) =>
        await Cohorts.RotateCodeAsync(cohort, cancellationToken) is { } rotated
            ? AdaptiveCardResponses.Card(cards.CodeRotated(rotated.Cohort, rotated.Code))
            : Refusals.Card(Text["UnknownAction"]);
}

internal sealed class CloseAction(CohortStore cohorts, CohortCards cards, IStringLocalizer<CohortText> text) : TrainerAction(cohorts, text)
{
    protected override async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, Cohort cohort, CancellationToken cancellationToken) =>
        await Cohorts.CloseAsync(cohort, cancellationToken) is { } closed
            ? AdaptiveCardResponses.Card(cards.ClosedNotice(closed))
            : Refusals.Card(Text["UnknownAction"]);
}

internal sealed class DeleteAction(CohortStore cohorts, CohortCards cards, IStringLocalizer<CohortText> text) : TrainerAction(cohorts, text)
{
    protected override Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, Cohort cohort, CancellationToken cancellationToken) =>
        Task.FromResult(AdaptiveCardResponses.Card(cards.ConfirmDelete(cohort)));
}

internal sealed class DeleteConfirmedAction(CohortDeletion deletion, CohortStore cohorts, CohortCards cards, IStringLocalizer<CohortText> text) : TrainerAction(cohorts, text)
{
    protected override async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, Cohort cohort, CancellationToken cancellationToken)
    {
        await deletion.DeleteAsync(cohort, cancellationToken);
        return AdaptiveCardResponses.Card(cards.Deleted(cohort.Name));
    }
}

/// <summary>Deleting a cohort: its memberships go, and its members are told.</summary>
internal sealed class CohortDeletion(CohortStore cohorts, OutboxQueue outbox)
{
    public async Task DeleteAsync(Cohort cohort, CancellationToken cancellationToken)
    {
        foreach (var member in await cohorts.DeleteAsync(cohort, cancellationToken))
        {
            // The cohort is gone by the time this is posted, so its name travels sealed with the notice.
            await outbox.EnqueueAsync(CohortNotices.To(member.PersonKey, CohortNotices.Deleted), cohort.Name, cancellationToken);
        }
    }
}
