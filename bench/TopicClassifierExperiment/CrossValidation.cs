using System.Globalization;
using PeerSupportBot.Matching;

namespace TopicClassifierExperiment;

/// <summary>
/// How far the second opinion may be trusted once more asks from other hands train it. The sets
/// written blind to the vocabulary (holdout3 onwards) are cut into folds; each fold is scored by a
/// detector whose classifier was trained on every tuning ask except that fold's, so no ask is
/// scored by a classifier that saw it. The newest held-out set is never read here.
/// Run: dotnet run -c Release -- cv
/// </summary>
internal static class CrossValidation
{
    private const int Folds = 5;

    /// <summary>Written without sight of the vocabulary: the fairest asks to choose a rule on.</summary>
    public static readonly string[] OtherHands = ["asks-chat-holdout3.json", "asks-chat-holdout4.json", "asks-chat-training5a.json", "asks-chat-training5b.json", "asks-chat-training5c.json", "asks-chat-training5d.json", "asks-chat-holdout5.json", "asks-chat-holdout6.json", "asks-chat-training6a.json", "asks-chat-training6b.json", "asks-chat-training6c.json", "asks-chat-training6d.json"];

    /// <summary>Added to the training in this round: the detector shipped before it is the classifier trained without them.</summary>
    public static readonly string[] AddedThisRound = ["asks-chat-holdout6.json", "asks-chat-training6a.json", "asks-chat-training6b.json", "asks-chat-training6c.json", "asks-chat-training6d.json"];

    public static void Run()
    {
        var everyAsk = Tuning.All();
        var blind = OtherHands.SelectMany(LabelledSet.Load).ToList();
        var rules = Rules();
        var cards = rules.ToDictionary(rule => rule.Name, _ => new Dictionary<string, Card>());
        var vocabulary = new List<TopicWords>([.. TopicVocabulary.All, .. SituationVocabulary.All, .. EverydayVocabulary.All]);
        for (var fold = 0; fold < Folds; fold++)
        {
            var scored = blind.Where((_, index) => index % Folds == fold).Select(ask => ask.Text).ToHashSet();
            var classifier = new NgramTopicClassifier(everyAsk.Where(ask => !scored.Contains(ask.Text)).Select(ask => (ask.Text, ask.Topics[0])));
            using var detector = new TopicDetector(vocabulary);
            foreach (var text in scored)
            {
                var ranked = detector.Rank(text);
                var opinion = SecondOpinion.Of(classifier, text);
                foreach (var rule in rules)
                {
                    cards[rule.Name][text] = rule.Card(ranked, opinion);
                }
            }
        }

        Console.WriteLine($"{Folds}-fold cross-validation on the asks written blind to the vocabulary ({blind.Count}: {string.Join(", ", OtherHands)}):");
        foreach (var rule in rules)
        {
            Console.WriteLine($"  {rule.Name}: {Figures.Of(blind, text => cards[rule.Name][text])}");
            foreach (var set in OtherHands)
            {
                Console.WriteLine($"    {set}: {Figures.Of(LabelledSet.Load(set), text => cards[rule.Name][text])}");
            }
        }
    }

    /// <summary>
    /// The one run on a held-out set: each rule with the classifier trained on every tuning ask, and the
    /// first three also with the classifier trained only on the sets embedded before this round.
    /// Run: dotnet run -c Release -- heldout asks-chat-holdout7.json
    /// </summary>
    public static void HeldOut(string set)
    {
        var asks = LabelledSet.Load(set);
        var tuning = Tuning.All();
        var before = new HashSet<string>(AddedThisRound.SelectMany(LabelledSet.Load).Select(ask => ask.Text));
        var trainedNow = new NgramTopicClassifier(tuning.Select(ask => (ask.Text, ask.Topics[0])));
        var trainedBefore = new NgramTopicClassifier(tuning.Where(ask => !before.Contains(ask.Text)).Select(ask => (ask.Text, ask.Topics[0])));
        using var detector = new TopicDetector([.. TopicVocabulary.All, .. SituationVocabulary.All, .. EverydayVocabulary.All]);
        var ranked = asks.ToDictionary(ask => ask.Text, ask => detector.Rank(ask.Text));
        Console.WriteLine($"{set} ({asks.Count} asks), read once:");
        foreach (var rule in Rules())
        {
            Console.WriteLine($"  {rule.Name}, classifier trained on every tuning set: {Figures.Of(asks, text => rule.Card(ranked[text], SecondOpinion.Of(trainedNow, text)))}");
        }

        foreach (var rule in Rules().Take(4))
        {
            Console.WriteLine($"  {rule.Name}, classifier trained as shipped before this round (without holdout6 and training6a–d): {Figures.Of(asks, text => rule.Card(ranked[text], SecondOpinion.Of(trainedBefore, text)))}");
        }
    }

    /// <summary>The rules measured side by side: the words alone, the rule shipped before, the one shipped now, and variants.</summary>
    public static List<Rule> Rules() =>
    [
        new("words alone", (ranked, _) => From(TopicConfidence.Shipped.Decide(ranked))),
        new("previous: the classifier confirms a medium word or breaks a near tie", (ranked, opinion) => Previous(ranked, opinion.Ranked)),
        new("agree: a sure tick the classifier ranks first or second, else its first among the words' two best", (ranked, opinion) => Agree(ranked, opinion.Ranked)),
        new("shipped: one blended score (weight 20, least 0.75, lead 1)", (ranked, opinion) => From(TopicConfidence.Shipped.Decide(ranked, () => opinion.Margins))),
        new("the classifier confirms any of the words' two best, no veto", (ranked, opinion) => NoVeto(ranked, opinion.Ranked)),
        new("agree, the words' sure tick kept only if the classifier's first", (ranked, opinion) => StrictVeto(ranked, opinion.Ranked)),
        new("previous, else the classifier alone at p >= 0.999 if the words found it", (ranked, opinion) => Alone(ranked, opinion.Ranked, 0.999)),
        new("agree, but a tick scoring 4.5 or more is never vetoed", (ranked, opinion) => Unvetoed(ranked, opinion.Ranked, lead: double.PositiveInfinity, score: 4.5)),
        new("agree, but a tick 3x ahead of the next is never vetoed", (ranked, opinion) => Unvetoed(ranked, opinion.Ranked, lead: 3, score: double.PositiveInfinity)),
    ];

    /// <summary>
    /// The rule shipped with holdout5's run: the words and the classifier must agree. A sure tick of the
    /// words stays if the classifier ranks it first or second; when the words are unsure, the classifier's
    /// first choice is ticked if it is one of the words' two best with at least a weak entry.
    /// </summary>
    public static Card Agree(IReadOnlyList<DetectedTopic> ranked, IReadOnlyList<(string TopicId, double Probability)> opinion)
    {
        var words = TopicConfidence.Shipped.Decide(ranked);
        if (ranked.Count == 0 || opinion.Count == 0)
        {
            return From(words);
        }

        if (words.IsSure)
        {
            return opinion.Take(2).Any(pair => pair.TopicId == words.Preselected[0])
                ? From(words)
                : new([], [.. ranked.Where(topic => topic.Score >= TopicConfidence.Shipped.LikelyFloor).Take(3).Select(topic => topic.TopicId)]);
        }

        var contenders = ranked.Take(2).Where(topic => topic.Score >= TopicVocabulary.Weak).Select(topic => topic.TopicId);
        return contenders.Contains(opinion[0].TopicId) ? new([opinion[0].TopicId], []) : From(words);
    }

    private static Card Unvetoed(IReadOnlyList<DetectedTopic> ranked, IReadOnlyList<(string TopicId, double Probability)> opinion, double lead, double score)
    {
        var words = TopicConfidence.Shipped.Decide(ranked);
        if (words.IsSure)
        {
            var next = ranked.Count > 1 ? ranked[1].Score : 0;
            if (ranked[0].Score >= next * lead || ranked[0].Score >= score)
            {
                if (lead < double.PositiveInfinity && score < double.PositiveInfinity && !(ranked[0].Score >= next * lead && ranked[0].Score >= score))
                {
                    return Agree(ranked, opinion);
                }

                return From(words);
            }
        }

        return Agree(ranked, opinion);
    }

    internal sealed record Rule(string Name, Func<IReadOnlyList<DetectedTopic>, SecondOpinion, Card> Card);

    /// <summary>What the classifier says of one ask: its ranking by posterior, and each topic's margin per n-gram.</summary>
    internal sealed record SecondOpinion(IReadOnlyList<(string TopicId, double Probability)> Ranked, IReadOnlyDictionary<string, double> Margins)
    {
        public static SecondOpinion Of(NgramTopicClassifier classifier, string text) => new(classifier.Rank(text), classifier.Margins(text));
    }

    /// <summary>The rule shipped until the two signals had to agree: the second opinion only confirmed a medium word, or broke a near tie.</summary>
    public static Card Previous(IReadOnlyList<DetectedTopic> ranked, IReadOnlyList<(string TopicId, double Probability)> opinion)
    {
        var rule = TopicConfidence.Shipped;
        var proposal = rule.Decide(ranked);
        if (proposal.IsSure || ranked.Count == 0 || ranked[0].Score < TopicVocabulary.Medium || opinion.Count == 0)
        {
            return From(proposal);
        }

        var contenders = ranked.Take(2).Where(topic => topic.Score * rule.Lead > ranked[0].Score).Select(topic => topic.TopicId);
        return contenders.Contains(opinion[0].TopicId) ? new([opinion[0].TopicId], []) : From(proposal);
    }

    private static Card NoVeto(IReadOnlyList<DetectedTopic> ranked, IReadOnlyList<(string TopicId, double Probability)> opinion)
    {
        var proposal = TopicConfidence.Shipped.Decide(ranked);
        if (proposal.IsSure || opinion.Count == 0)
        {
            return From(proposal);
        }

        var contenders = ranked.Take(2).Where(topic => topic.Score >= TopicVocabulary.Weak).Select(topic => topic.TopicId);
        return contenders.Contains(opinion[0].TopicId) ? new([opinion[0].TopicId], []) : From(proposal);
    }

    private static Card StrictVeto(IReadOnlyList<DetectedTopic> ranked, IReadOnlyList<(string TopicId, double Probability)> opinion)
    {
        var card = Agree(ranked, opinion);
        return card.Preselected.Count > 0 && opinion.Count > 0 && opinion[0].TopicId != card.Preselected[0] ? new([], [.. card.Preselected]) : card;
    }

    private static Card Alone(IReadOnlyList<DetectedTopic> ranked, IReadOnlyList<(string TopicId, double Probability)> opinion, double probability)
    {
        var card = Previous(ranked, opinion);
        if (card.Preselected.Count > 0 || opinion.Count == 0 || opinion[0].Probability < probability)
        {
            return card;
        }

        return ranked.Any(topic => topic.TopicId == opinion[0].TopicId) ? new([opinion[0].TopicId], []) : card;
    }

    private static Card From(TopicProposal proposal) => new(proposal.Preselected, proposal.Likely);
}
