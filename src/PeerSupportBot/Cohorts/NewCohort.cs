using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.Cohorts;

/// <summary>"new cohort &lt;name&gt;" / "uusi ryhmä &lt;nimi&gt;": the creator becomes the trainer and gets the invitation.</summary>
internal sealed class NewCohortCommand(CohortCreation creation, CohortCards cards) : IBotCommand
{
    public async Task ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        if (invocation.Arguments.Length == 0)
        {
            await invocation.Turn.SendAttachmentAsync(cards.CreateForm(null, postHere: false).ToAttachment(), cancellationToken: cancellationToken);
            return;
        }

        var outcome = await creation.CreateAsync(invocation.Turn, invocation.Arguments, null, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            await Refusals.TextAsync(invocation.Turn, refusal, cancellationToken);
            return;
        }

        await invocation.Turn.SendAttachmentAsync(cards.Created(outcome.Cohort!, outcome.Code!).ToAttachment(), cancellationToken: cancellationToken);
        await invocation.Turn.SendAttachmentAsync(cards.Invitation(outcome.Cohort!, outcome.Code!).ToAttachment(), cancellationToken: cancellationToken);
    }
}

/// <summary>The new-cohort form, in 1:1 or offered in a course chat (then the invitation is posted there).</summary>
internal sealed class CreateCohortAction(CohortCreation creation, CohortCards cards) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        DateOnly? endsOn = DateOnly.TryParseExact(invocation.Data.EndsOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        var outcome = await creation.CreateAsync(invocation.Turn, invocation.Data.Name, endsOn, cancellationToken);
        var postHere = invocation.Data.PostHere == true;
        if (outcome.Refusal is { } refusal)
        {
            return outcome.FormUsable
                ? AdaptiveCardResponses.Card(cards.CreateForm(invocation.Data.Name, postHere, refusal))
                : Refusals.Card(refusal);
        }

        // In a course chat this posts the invitation for everyone; in 1:1 it is the card to forward.
        await invocation.Turn.SendAttachmentAsync(cards.Invitation(outcome.Cohort!, outcome.Code!).ToAttachment(), cancellationToken: cancellationToken);
        return AdaptiveCardResponses.Card(cards.Created(outcome.Cohort!, outcome.Code!));
    }
}

/// <summary>Creating a cohort, shared by the command and the form.</summary>
internal sealed class CohortCreation(CohortStore cohorts, IOptions<CohortOptions> options, IStringLocalizer<CohortText> text)
{
    public async Task<CreationOutcome> CreateAsync(TurnContext turn, string? typedName, DateOnly? endsOn, CancellationToken cancellationToken)
    {
        if (Participant.From(turn.Activity) is not { } trainer || !options.Value.MayCreate(trainer.Key))
        {
            return new CreationOutcome(null, null, text["NotAllowedToCreate"], FormUsable: false);
        }

        var (name, refusal) = CohortNames.Check(typedName, text);
        if (name is null)
        {
            return new CreationOutcome(null, null, refusal, FormUsable: true);
        }

        var (cohort, code) = await cohorts.CreateAsync(name, trainer.Key, trainer.Name, endsOn, cancellationToken);
        return new CreationOutcome(cohort, code, null, FormUsable: true);
    }
}

internal sealed record CreationOutcome(Cohort? Cohort, string? Code, string? Refusal, bool FormUsable);
