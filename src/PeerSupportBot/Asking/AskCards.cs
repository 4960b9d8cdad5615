using System.Globalization;
using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.Conversation;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Matching;
using PeerSupportBot.Topics;
using static PeerSupportBot.CardLayout.CardParts;

namespace PeerSupportBot.Asking;

/// <summary>
/// The asker's cards, in the current UI culture. Asking must feel safe and cheap: the form says
/// who will see the text before anything is sent, and a suggestion names only the person, the
/// cohort they share and the topics they offer, never their load, availability or history.
/// </summary>
internal sealed class AskCards(IStringLocalizer<AskText> text)
{
    public const int MaxProblemLength = 2000;

    public AdaptiveCard AskForm(IReadOnlyList<string> topics, string? problem, IReadOnlyList<Candidate> suggestions, string? error = null)
    {
        List<CardElement> body =
        [
            Heading(text["AskTitle"]),
            Paragraph(text["AskReassurance"]),
            Subtle(text["AskDecliningIsEasy"]),
        ];
        if (error is not null)
        {
            body.Add(Error(error));
        }

        return Form(text["AskTitle"], body, topics, problem, suggestions);
    }

    /// <summary>
    /// The ask form when the bot was unsure of the topic: nothing is ticked, because a wrong guess
    /// would bring the wrong colleagues; the likely topics head the list and are named in a line,
    /// and colleagues are suggested once the person has chosen.
    /// </summary>
    public AdaptiveCard AskFormToChooseTopics(IReadOnlyList<string> likelyTopics, string? problem, string? error = null)
    {
        var likely = TopicCatalog.Known(likelyTopics).OrderBy(id => IndexIn(likelyTopics, id)).ToList();
        List<CardElement> body =
        [
            Heading(text["AskTitle"]),
            Paragraph(text["AskReassurance"]),
            Subtle(text["AskDecliningIsEasy"]),
            Paragraph(likely.Count > 0 ? text["TopicsUnsure"] : text["TopicsNotRecognised"]),
        ];
        if (likely.Count > 0)
        {
            body.Add(Paragraph(text["TopicsLikely", string.Join(", ", likely.Select(id => TopicCatalog.Find(id)!.NameIn(CultureInfo.CurrentUICulture)))]));
        }

        if (error is not null)
        {
            body.Add(Error(error));
        }

        return Form(text["AskTitle"], body, [], problem, [], likely);
    }

    public AdaptiveCard NoCohorts() =>
        Card(text["NoCohortsTitle"],
        [
            Heading(text["NoCohortsTitle"]),
            Paragraph(text["NoCohortsExplained"]),
            Paragraph(text["NoCohortsJoin"]),
        ]);

    public AdaptiveCard Waiting(HelpRequest request, IReadOnlyList<string> askedNames) =>
        Card(text["WaitingTitle"],
        [
            Heading(text["WaitingTitle"]),
            Paragraph(text["WaitingSentTo", NameList(askedNames)]),
            Paragraph(text["WaitingOpenUntil", DateTime(request.ExpiresAt)]),
            Subtle(text["WaitingNotStored"]),
        ],
        [Execute(text["CancelButton"], HelpRequestVerbs.Cancel, new CardData { RequestId = request.Id })]);

    /// <summary>For the group, when the bot cannot write to the asker privately: neutral, and nothing of the ask.</summary>
    public AdaptiveCard OpenBotPrivately(Uri openBot) =>
        Card(text["ContinuePrivatelyOpenBot"],
            [Paragraph(text["ContinuePrivatelyOpenBot"])],
            [new OpenUrlAction { Title = text["OpenBotButton"], Url = openBot }]);

    public AdaptiveCard Discarded() =>
        Card(text["DiscardedTitle"], [Heading(text["DiscardedTitle"]), Paragraph(text["DiscardedExplained"])]);

    public AdaptiveCard Cancelled() =>
        Card(text["CancelledTitle"], [Heading(text["CancelledTitle"]), Paragraph(text["CancelledExplained"])]);

    /// <summary>
    /// The ask again, after everyone asked declined, the request expired, or someone could not be
    /// reached. It never says who declined, and the text starts empty: it was never stored, so it
    /// cannot be offered again.
    /// </summary>
    public AdaptiveCard NextCandidates(IReadOnlyList<string> topics, IReadOnlyList<Candidate> suggestions, NextReason reason)
    {
        var heading = reason switch
        {
            NextReason.Expired => text["NextTitleExpired"],
            NextReason.SomeUnreachable => text["NextTitleUnreachable"],
            _ => text["NextTitle"],
        };
        List<CardElement> body =
        [
            Heading(heading),
            Paragraph(reason == NextReason.SomeUnreachable ? text["NextExplainedUnreachable"] : text["NextExplained"]),
            Subtle(text["NextWriteAgain"]),
        ];
        return Form(heading, body, topics, problem: null, suggestions);
    }

    /// <param name="likelyFirst">Set when the bot was unsure: these topics head the list, and choosing comes before suggestions.</param>
    private AdaptiveCard Form(string summary, List<CardElement> body, IReadOnlyList<string> topics, string? problem, IReadOnlyList<Candidate> suggestions, IReadOnlyList<string>? likelyFirst = null)
    {
        body.Add(TopicsInput(topics, likelyFirst));
        body.Add(new TextInput
        {
            Id = "problem",
            Label = text["ProblemLabel"],
            Placeholder = text["ProblemPlaceholder"],
            IsMultiline = true,
            MaxLength = MaxProblemLength,
            ErrorMessage = text["ProblemTooLong", MaxProblemLength],
            Value = problem,
        });
        body.Add(new ChoiceSetInput
        {
            Id = "share",
            Label = text["ShareLabel"],
            Style = ChoiceInputStyle.Expanded,
            IsRequired = true,
            Choices = [new Choice(text["ShareText"], ShareChoices.Text), new Choice(text["ShareTopicsOnly"], ShareChoices.TopicsOnly)],
            Value = ShareChoices.Text,
        });
        body.Add(new ChoiceSetInput
        {
            Id = "urgency",
            Label = text["UrgencyLabel"],
            Style = ChoiceInputStyle.Expanded,
            IsRequired = true,
            Choices = [new Choice(text["UrgencyToday"], UrgencyChoices.Today), new Choice(text["UrgencyThisWeek"], UrgencyChoices.ThisWeek)],
            Value = UrgencyChoices.ThisWeek,
        });

        // "Update suggestions" sends the inputs, so the form comes back as the asker left it;
        // "Never mind" sends nothing, not even the text.
        var refresh = Execute(text["RefreshButton"], AskVerbs.Refresh);
        var discard = ExecuteWithoutInputs(text["DiscardButton"], AskVerbs.Discard);
        if (suggestions.Count == 0)
        {
            body.Add(new TextBlock { Text = likelyFirst is null ? text["NoSuggestions"] : text["ChooseTopicsForSuggestions"], Wrap = true, Spacing = Spacing.Medium });
            return Card(summary, body, [refresh, discard]);
        }

        body.Add(HelpersInput(suggestions));
        var suggested = new CardData { Suggested = string.Join(',', suggestions.Select(candidate => candidate.PersonKey)) };
        var sendAll = suggestions.Count == 1 ? text["SendTheOneButton"] : text["SendAllButton", suggestions.Count];
        return Card(summary, body,
        [
            Execute(text["SendSelectedButton"], AskVerbs.Send, suggested, ActionStyle.Positive),
            Execute(sendAll, AskVerbs.SendAll, suggested),
            refresh,
            discard,
        ]);
    }

    // Compact: the detected topics are usually right, and fifteen checkboxes would bury the rest of the form.
    // When unsure, the likely topics come first so that choosing starts with them.
    private ChoiceSetInput TopicsInput(IReadOnlyList<string> selected, IReadOnlyList<string>? likelyFirst) => new()
    {
        Id = "topics",
        Label = likelyFirst is null ? text["TopicsLabel"] : text["TopicsChooseLabel"],
        IsMultiSelect = true,
        Style = ChoiceInputStyle.Compact,
        IsRequired = true,
        ErrorMessage = text["NoTopics"],
        Wrap = true,
        Choices = [.. TopicCatalog.All
            .OrderBy(topic => IndexIn(likelyFirst ?? [], topic.Id))
            .Select(topic => new Choice(topic.NameIn(CultureInfo.CurrentUICulture), topic.Id))],
        Value = TopicCatalog.Known(selected) is { Count: > 0 } known ? string.Join(',', known) : null,
    };

    private ChoiceSetInput HelpersInput(IReadOnlyList<Candidate> suggestions) => new()
    {
        Id = "helpers",
        Label = text["HelpersLabel"],
        IsMultiSelect = true,
        Style = ChoiceInputStyle.Expanded,
        Wrap = true,
        Choices = [.. suggestions.Select(candidate => new Choice(candidate.Name + " — " + Reason(candidate), candidate.PersonKey))],
    };

    // Only what the two already share: a cohort, and topics the colleague chose to offer.
    private string Reason(Candidate candidate)
    {
        var topics = string.Join(", ", candidate.MatchingTopics.Select(id => TopicCatalog.Find(id)?.NameIn(CultureInfo.CurrentUICulture)).OfType<string>());
        return candidate.SharedCohortNames.Count > 0
            ? text["Reason", string.Join(", ", candidate.SharedCohortNames), topics]
            : text["ReasonTopicsOnly", topics];
    }

    /// <summary>A topic's place in <paramref name="ranked"/>; topics not in it come after, in catalog order (OrderBy is stable).</summary>
    private static int IndexIn(IReadOnlyList<string> ranked, string id)
    {
        for (var index = 0; index < ranked.Count; index++)
        {
            if (ranked[index] == id)
            {
                return index;
            }
        }

        return int.MaxValue;
    }

    private string NameList(IReadOnlyList<string> names) => names.Count switch
    {
        0 => "",
        1 => names[0],
        _ => text["NameList", string.Join(", ", names.Take(names.Count - 1)), names[^1]],
    };
}

/// <summary>Why the asker is offered other colleagues.</summary>
internal enum NextReason
{
    AllDeclined,
    Expired,
    SomeUnreachable,
}
