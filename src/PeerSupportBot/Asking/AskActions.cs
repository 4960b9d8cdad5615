using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Topics;

namespace PeerSupportBot.Asking;

/// <summary>
/// "Ask the selected" and "Ask all": the chosen colleagues are checked again against the match
/// (a tampered card cannot reach anyone else), then each gets the request card.
/// </summary>
internal sealed class SendAskAction(AskStarter starter, RequestChanges requests, AskThrottle throttle, AskCards cards, IStringLocalizer<AskText> text) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        var turn = invocation.Turn;
        var data = invocation.Data;
        if (!Conversations.IsPersonal(turn.Activity) || Participant.From(turn.Activity) is not { } asker)
        {
            return Refusals.Card(text["NothingSelected"]);
        }

        var topics = TopicCatalog.Known(CardData.SplitChoices(data.Topics));
        var problem = data.Problem?.Trim();
        if (topics.Count == 0)
        {
            return AdaptiveCardResponses.Card(await starter.CardForTopicsAsync(turn, topics, problem, invocation.Language, text["NoTopics"], cancellationToken));
        }

        if (problem?.Length > HelpRequestOptions.MaxProblemLength)
        {
            return Refusals.Card(text["ProblemTooLong", HelpRequestOptions.MaxProblemLength]);
        }

        // The limit and the match are read together: the asker waits for one round trip less.
        var blocked = throttle.IsBlockedAsync(asker.Key, cancellationToken);
        var match = starter.FindAllAsync(asker.Key, topics, invocation.Language, cancellationToken);
        if (await blocked)
        {
            await match;
            return Refusals.Card(text["TooManyAsks", AskThrottle.MaxSends, (int)AskThrottle.Window.TotalMinutes]);
        }

        var chosenKeys = CardData.SplitChoices(invocation.Verb == AskVerbs.SendAll ? data.Suggested : data.Helpers);
        var fitting = await match;
        var chosen = fitting.Where(candidate => chosenKeys.Contains(candidate.PersonKey)).ToList();
        if (chosen.Count == 0 || chosen.Count != chosenKeys.Distinct().Count())
        {
            return Refusals.Card(text["NothingSelected"]);
        }

        var urgency = data.Urgency == UrgencyChoices.Today ? Urgency.Today : Urgency.ThisWeek;
        var shared = data.Share == ShareChoices.TopicsOnly || string.IsNullOrWhiteSpace(problem) ? null : problem;
        var (request, asked) = await requests.SendAsync(asker, invocation.Language.Name, topics, urgency, shared, chosen, cancellationToken);
        await throttle.RecordSendAsync(asker.Key, cancellationToken);
        return AdaptiveCardResponses.Card(cards.Waiting(request, asked));
    }
}

/// <summary>
/// "Update suggestions": new topics, new colleagues; the text stays in the card only. As a
/// client's automatic refresh it shows the same, and records nothing.
/// </summary>
internal sealed class RefreshAskAction(AskStarter starter) : ICardAction
{
    public async Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken)
    {
        var topics = TopicCatalog.Known(CardData.SplitChoices(invocation.Data.Topics));
        return AdaptiveCardResponses.Card(await starter.CardForTopicsAsync(invocation.Turn, topics, invocation.Data.Problem, invocation.Language, null, cancellationToken, recordSuggestions: !invocation.Automatic));
    }
}

internal sealed class DiscardAskAction(AskCards cards) : ICardAction
{
    public Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken) =>
        Task.FromResult(AdaptiveCardResponses.Card(cards.Discarded()));
}
