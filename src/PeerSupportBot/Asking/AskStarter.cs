using System.Globalization;
using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;
using PeerSupportBot.Matching;
using PeerSupportBot.Topics;

namespace PeerSupportBot.Asking;

/// <summary>
/// "Has anyone faced this?": detects the topics, finds colleagues, and shows the ask card. The
/// text is only ever put back into that card; it is not stored or logged.
/// </summary>
internal sealed class AskStarter(
    TopicDetector detector,
    Matcher matcher,
    PairHistory pairs,
    CohortStore cohorts,
    AskCards cards,
    IStringLocalizer<AskText> text)
{
    public const int TopicsSuggested = 3;

    /// <summary>In the 1:1 chat: the ask card with the text as written.</summary>
    public async Task StartAsync(TurnContext turn, string problem, CultureInfo language, CancellationToken cancellationToken)
    {
        var card = await CardAsync(turn, problem, problem, language, cancellationToken);
        await turn.SendAttachmentAsync(card.ToAttachment(), cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Mentioned in a group: the ask card privately, a neutral word there, and the text repeated
    /// nowhere. Someone the bot cannot write to privately gets, in the group, only a neutral line
    /// with the way to open the bot personally.
    /// </summary>
    public async Task StartFromGroupAsync(TurnContext turn, string problem, CultureInfo language, CancellationToken cancellationToken)
    {
        var card = await CardAsync(turn, problem, null, language, cancellationToken);
        if (await PrivateChat.SendAsync(turn, card, cancellationToken))
        {
            await turn.SendTextAsync(text["MovedToPrivate"], cancellationToken);
            return;
        }

        var openBot = cards.OpenBotPrivately(PrivateChat.OpenLink(turn.Activity));
        await turn.SendAttachmentAsync(openBot.ToAttachment(), cancellationToken: cancellationToken);
    }

    /// <summary>The ask card for <paramref name="problem"/>; <paramref name="shownProblem"/> is what goes back into its text field.</summary>
    public async Task<AdaptiveCard> CardAsync(TurnContext turn, string problem, string? shownProblem, CultureInfo language, CancellationToken cancellationToken)
    {
        var proposal = detector.Propose(problem);
        if (proposal.IsSure)
        {
            return await CardForTopicsAsync(turn, [.. proposal.Preselected.Take(TopicsSuggested)], shownProblem, language, null, cancellationToken);
        }

        // Unsure: no topic is ticked and nobody suggested yet, so a wrong guess cannot bring the wrong colleagues.
        if (Participant.From(turn.Activity) is not { } asker || (await cohorts.CohortsOfAsync(asker.Key, cancellationToken)).Count == 0)
        {
            return cards.NoCohorts();
        }

        return cards.AskFormToChooseTopics(proposal.Likely, shownProblem);
    }

    /// <param name="recordSuggestions">False for a client's automatic refresh, which must change nothing.</param>
    public async Task<AdaptiveCard> CardForTopicsAsync(TurnContext turn, IReadOnlyList<string> topics, string? shownProblem, CultureInfo language, string? error, CancellationToken cancellationToken, bool recordSuggestions = true)
    {
        if (Participant.From(turn.Activity) is not { } asker)
        {
            return cards.NoCohorts();
        }

        // Read beside the memberships, not after them: the asker waits for one round trip less.
        var history = pairs.ReadAsync(asker.Key, cancellationToken);
        var memberships = await cohorts.CohortsOfAsync(asker.Key, cancellationToken);
        if (memberships.Count == 0)
        {
            await history;
            return cards.NoCohorts();
        }

        var candidates = await matcher.FindAsync(asker.Key, TopicCatalog.Known(topics), AskerLanguages.FromLocale(language.Name), new HashSet<string>(StringComparer.Ordinal), cancellationToken, memberships: memberships, pairHistory: history);
        if (recordSuggestions)
        {
            await pairs.SetLastSuggestedAsync(asker.Key, [.. candidates.Select(candidate => candidate.PersonKey)], cancellationToken);
        }

        return cards.AskForm(topics, shownProblem, candidates, error);
    }

    /// <summary>Everyone who fits, not only the three shown: what a chosen colleague is checked against.</summary>
    public async Task<IReadOnlyList<Candidate>> FindAllAsync(string askerKey, IReadOnlyList<string> topics, CultureInfo language, CancellationToken cancellationToken)
    {
        return await matcher.FindAsync(askerKey, TopicCatalog.Known(topics), AskerLanguages.FromLocale(language.Name), new HashSet<string>(StringComparer.Ordinal), cancellationToken, take: int.MaxValue);
    }
}
