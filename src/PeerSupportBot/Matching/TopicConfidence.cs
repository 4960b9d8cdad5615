namespace PeerSupportBot.Matching;

/// <summary>
/// What the ask card does with the detected topics. <paramref name="Preselected"/> are ticked;
/// when it is empty the bot was unsure, and <paramref name="Likely"/> lists the topics to offer
/// first, best first, none of them ticked.
/// </summary>
internal sealed record TopicProposal(IReadOnlyList<string> Preselected, IReadOnlyList<string> Likely)
{
    public static readonly TopicProposal Nothing = new([], []);

    public bool IsSure => Preselected.Count > 0;
}

/// <summary>
/// When a topic is sure enough to tick. A wrong tick brings the wrong colleagues and costs more
/// than no tick (issue 13), so the card ticks a topic only when two different signals agree on it:
/// the words (the vocabulary's scores) and a second opinion (the n-gram classifier, trained on
/// labelled asks). Otherwise it ticks nothing and lists the likely topics for the person to choose.
/// </summary>
/// <param name="SureScore">The least score to tick a topic: one strong entry, or a medium and a weak one.</param>
/// <param name="Lead">How far the best topic must be ahead of the next one, as a ratio of scores.</param>
/// <param name="CompanionShare">A second topic is ticked too when it is sure itself and at least this share of the best; infinity ticks one topic at most.</param>
/// <param name="LikelyFloor">The least score for a topic to be listed when unsure: one weak entry is not enough.</param>
internal sealed record TopicConfidence(double SureScore, double Lead, double CompanionShare, double LikelyFloor)
{
    /// <summary>
    /// Chosen by cross-validation on the asks written blind to the vocabulary (docs/topic-detection.md
    /// has the figures). A second ticked topic was the commonest wrong tick (two strong topics tied),
    /// so the card ticks one at most.
    /// </summary>
    public static readonly TopicConfidence Shipped = new(SureScore: 2.25, Lead: 1.5, CompanionShare: double.PositiveInfinity, LikelyFloor: 0.75);

    /// <summary>The least score the words must give a topic before a second opinion may tick it: one weak entry.</summary>
    public const double ConfirmableScore = TopicVocabulary.Weak;

    /// <summary>How high the second opinion must rank a topic the words are sure of for it to stay ticked.</summary>
    public const int AgreeingRank = 2;

    /// <summary>
    /// The rule, with the second opinion asked whenever the words found anything.
    /// - The words are sure: the topic stays ticked if the second opinion ranks it among its first
    ///   <see cref="AgreeingRank"/>; otherwise nothing is ticked and it is listed first.
    /// - The words are unsure: the second opinion's first choice is ticked alone if it is one of the
    ///   words' two best topics with at least <see cref="ConfirmableScore"/>.
    /// The second opinion never brings a topic the words did not find.
    /// </summary>
    public TopicProposal Decide(IReadOnlyList<DetectedTopic> ranked, Func<IReadOnlyList<(string TopicId, double Probability)>>? secondOpinion)
    {
        var proposal = Decide(ranked);
        if (secondOpinion is null || ranked.Count == 0)
        {
            return proposal;
        }

        var opinion = secondOpinion();
        if (opinion.Count == 0)
        {
            return proposal;
        }

        if (proposal.IsSure)
        {
            return opinion.Take(AgreeingRank).Any(pair => pair.TopicId == proposal.Preselected[0]) ? proposal : Unsure(ranked);
        }

        var contenders = ranked.Take(2).Where(topic => topic.Score >= ConfirmableScore).Select(topic => topic.TopicId);
        return contenders.Contains(opinion[0].TopicId, StringComparer.Ordinal) ? new([opinion[0].TopicId], []) : proposal;
    }

    public TopicProposal Decide(IReadOnlyList<DetectedTopic> ranked)
    {
        if (ranked.Count == 0)
        {
            return TopicProposal.Nothing;
        }

        var best = ranked[0].Score;
        var next = ranked.Count > 1 ? ranked[1].Score : 0;
        if (best >= SureScore && best >= next * Lead)
        {
            return new([ranked[0].TopicId], []);
        }

        var companions = ranked.Skip(1).TakeWhile(topic => topic.Score >= SureScore && topic.Score >= best * CompanionShare).ToList();
        var runnerUps = ranked.Count > companions.Count + 1 ? ranked[companions.Count + 1].Score : 0;
        if (best >= SureScore && companions.Count > 0 && companions[^1].Score >= runnerUps * Lead)
        {
            return new([ranked[0].TopicId, .. companions.Take(TopicDetector.MaximumTopics - 1).Select(topic => topic.TopicId)], []);
        }

        return Unsure(ranked);
    }

    private TopicProposal Unsure(IReadOnlyList<DetectedTopic> ranked) =>
        new([], [.. ranked.Where(topic => topic.Score >= LikelyFloor).Take(TopicDetector.MaximumTopics).Select(topic => topic.TopicId)]);
}
