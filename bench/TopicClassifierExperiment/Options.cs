using PeerSupportBot.Matching;

namespace TopicClassifierExperiment;

/// <summary>
/// Issue 13's options for the card, each a way to turn an ask into ticks and a likely list. The
/// classifier options need a classifier trained without the ask itself: cross-validation folds on
/// the tuning sets, or every tuning ask when the held-out set is read.
/// </summary>
internal static class Options
{
    /// <summary>The card before the confidence rule changed for generalisation (docs: shipped until then).</summary>
    public static readonly TopicConfidence Previous = new(SureScore: 2.25, Lead: 1.5, CompanionShare: 0.9, LikelyFloor: 0.75);

    /// <summary>No second topic is ticked: ties between two strong topics were the commonest wrong tick.</summary>
    public static readonly TopicConfidence SingleTick = new(SureScore: 2.25, Lead: 1.5, CompanionShare: double.PositiveInfinity, LikelyFloor: 0.75);

    /// <summary>One medium word ticks when nothing else comes near it.</summary>
    public static readonly TopicConfidence MediumAlone = new(SureScore: 1.5, Lead: 2.0, CompanionShare: double.PositiveInfinity, LikelyFloor: 0.75);

    public static Card Rule(TopicConfidence rule, IReadOnlyList<DetectedTopic> ranked) => From(rule.Decide(ranked));

    /// <summary>
    /// The rule, and when it is unsure: the rules' best topic is ticked if it has at least a medium
    /// word, leads the next by <see cref="TopicConfidence.Lead"/> or ties within it, and is also the
    /// classifier's first choice among the rules' two best. A second opinion from a different signal
    /// (character n-grams) confirms or breaks the tie; it never brings a topic the words did not.
    /// </summary>
    public static Card Confirmed(TopicConfidence rule, IReadOnlyList<DetectedTopic> ranked, IReadOnlyList<(string Topic, float Probability)> classified, float minimumProbability)
    {
        var proposal = rule.Decide(ranked);
        if (proposal.IsSure || ranked.Count == 0 || ranked[0].Score < TopicVocabulary.Medium)
        {
            return From(proposal);
        }

        var contenders = ranked.TakeWhile(topic => topic.Score * rule.Lead > ranked[0].Score).Take(2).Select(topic => topic.TopicId).ToHashSet();
        var classifierPick = classified.FirstOrDefault(pair => contenders.Contains(pair.Topic));
        if (classifierPick.Topic is not null && classifierPick.Probability >= minimumProbability && classified[0].Topic == classifierPick.Topic)
        {
            return new([classifierPick.Topic], []);
        }

        return From(proposal);
    }

    private static Card From(TopicProposal proposal) => new(proposal.Preselected, proposal.Likely);
}
