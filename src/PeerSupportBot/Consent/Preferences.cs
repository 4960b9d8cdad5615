using System.Globalization;
using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;
using PeerSupportBot.Topics;

namespace PeerSupportBot.Consent;

/// <summary>"my topics" / "aiheeni": the topics and languages form.</summary>
internal sealed class MyTopicsCommand(ProfileStore profiles, ConsentCards cards, IStringLocalizer<ConsentText> text) : IBotCommand
{
    public async Task ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        if (await ProfileOf(invocation.Turn, profiles, cancellationToken) is not { } profile)
        {
            await invocation.Turn.SendTextAsync(text["NotAMemberYet"], cancellationToken);
            return;
        }

        await invocation.Turn.SendAttachmentAsync(cards.TopicsForm(profile).ToAttachment(), cancellationToken: cancellationToken);
    }

    internal static async Task<Profile?> ProfileOf(TurnContext turn, ProfileStore profiles, CancellationToken cancellationToken) =>
        Participant.From(turn.Activity) is { } person ? await profiles.FindAsync(person.Key, cancellationToken) : null;
}

/// <summary>Saving changed topics: a consent change, so it is logged for each cohort the person belongs to.</summary>
internal sealed class SaveTopicsAction(
    ProfileStore profiles,
    ProfileUpdates updates,
    CohortStore cohorts,
    ConsentLog consentLog,
    ConsentCards cards,
    IStringLocalizer<ConsentText> text) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        if (await MyTopicsCommand.ProfileOf(invocation.Turn, profiles, cancellationToken) is not { } profile)
        {
            return Refusals.Card(text["NotAMemberYet"]);
        }

        var topics = TopicCatalog.Known(CardData.SplitChoices(invocation.Data.Topics));
        var languages = HelpLanguages.Known(CardData.SplitChoices(invocation.Data.Languages));
        if (topics.Count == 0 || languages.Count == 0)
        {
            return AdaptiveCardResponses.Card(cards.TopicsForm(profile, topics.Count == 0 ? text["NoTopicsChosen"] : text["NoLanguagesChosen"]));
        }

        var saved = await updates.UpdateAsync(profile.PersonKey, current => current with { Topics = topics, Languages = languages }, cancellationToken);
        if (saved is null)
        {
            return Refusals.Card(text["NotAMemberYet"]);
        }

        foreach (var cohort in (await cohorts.CohortsOfAsync(saved.PersonKey, cancellationToken)).Where(cohort => cohort.Role == CohortRole.Member))
        {
            await consentLog.AppendAsync(saved.PersonKey, cohort.CohortId, ConsentAction.Changed, topics, languages, cancellationToken);
        }

        return AdaptiveCardResponses.Card(cards.TopicsSaved(saved));
    }
}

/// <summary>"pause" / "tauko": the availability form.</summary>
internal sealed class PauseCommand(ProfileStore profiles, ConsentCards cards, TimeProvider time, IStringLocalizer<ConsentText> text) : IBotCommand
{
    public async Task ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        if (await MyTopicsCommand.ProfileOf(invocation.Turn, profiles, cancellationToken) is not { } profile)
        {
            await invocation.Turn.SendTextAsync(text["NotAMemberYet"], cancellationToken);
            return;
        }

        await invocation.Turn.SendAttachmentAsync(cards.AvailabilityForm(profile, time.GetUtcNow()).ToAttachment(), cancellationToken: cancellationToken);
    }
}

/// <summary>"resume" / "jatka": available again at once.</summary>
internal sealed class ResumeCommand(ProfileStore profiles, ProfileUpdates updates, IStringLocalizer<ConsentText> text) : IBotCommand
{
    public async Task ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        if (await MyTopicsCommand.ProfileOf(invocation.Turn, profiles, cancellationToken) is not { } profile)
        {
            await invocation.Turn.SendTextAsync(text["NotAMemberYet"], cancellationToken);
            return;
        }

        await updates.UpdateAsync(profile.PersonKey, current => current with { PausedUntil = null }, cancellationToken);
        await invocation.Turn.SendTextAsync(text["Resumed"], cancellationToken);
    }
}

/// <summary>Saving a pause and the monthly cap.</summary>
internal sealed class SaveAvailabilityAction(ProfileStore profiles, ProfileUpdates updates, ConsentCards cards, TimeProvider time, IStringLocalizer<ConsentText> text) : ICardAction
{
    public const int MaxCap = 10;

    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        if (await MyTopicsCommand.ProfileOf(invocation.Turn, profiles, cancellationToken) is not { } profile)
        {
            return Refusals.Card(text["NotAMemberYet"]);
        }

        var now = time.GetUtcNow();
        DateTimeOffset? pausedUntil = invocation.Data.Pause switch
        {
            PauseChoices.None or null or "" => null,
            PauseChoices.OneWeek => now.AddDays(7),
            PauseChoices.TwoWeeks => now.AddDays(14),
            PauseChoices.FourWeeks => now.AddDays(28),
            PauseChoices.UntilResumed => Profile.Indefinitely,
            _ => DateTimeOffset.MinValue,
        };
        var capText = invocation.Data.Cap;
        var cap = string.IsNullOrEmpty(capText) ? profile.MonthlyCap
            : int.TryParse(capText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : -1;
        if (pausedUntil == DateTimeOffset.MinValue || cap is < 1 or > MaxCap)
        {
            return Refusals.Card(text["CapOutOfRange", MaxCap]);
        }

        var saved = await updates.UpdateAsync(profile.PersonKey, current => current with { PausedUntil = pausedUntil, MonthlyCap = cap }, cancellationToken);
        return saved is null
            ? Refusals.Card(text["NotAMemberYet"])
            : AdaptiveCardResponses.Card(cards.AvailabilitySaved(saved, now));
    }
}
