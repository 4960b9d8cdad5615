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
/// than no tick (issue 13). Two different signals are weighed together: the words (the vocabulary's
/// scores) and a second opinion (the n-gram classifier, trained on labelled asks), as one blended
/// score per topic the words found. The best is ticked when it is clearly ahead; otherwise nothing
/// is ticked and the likely topics are listed for the person to choose. Without a second opinion,
/// the words alone decide, with stricter thresholds.
/// </summary>
/// <param name="SureScore">Words alone: the least score to tick a topic, one strong entry or a medium and a weak one.</param>
/// <param name="Lead">Words alone: how far the best topic must be ahead of the next one, as a ratio of scores.</param>
/// <param name="CompanionShare">Words alone: a second topic is ticked too when it is sure itself and at least this share of the best; infinity ticks one topic at most.</param>
/// <param name="LikelyFloor">The least words' score for a topic to be listed when unsure: one weak entry.</param>
internal sealed record TopicConfidence(double SureScore, double Lead, double CompanionShare, double LikelyFloor)
{
    /// <summary>
    /// A second ticked topic was the commonest wrong tick (two strong topics tied), so the card ticks
    /// one at most. The blend's constants below were chosen by cross-validation on the asks written
    /// blind to the vocabulary (docs/topic-detection.md has the figures).
    /// </summary>
    public static readonly TopicConfidence Shipped = new(SureScore: 2.25, Lead: 1.5, CompanionShare: double.PositiveInfinity, LikelyFloor: 0.75);

    /// <summary>
    /// How much the second opinion weighs: its margin is in nats per n-gram behind its best topic
    /// (NgramTopicClassifier.Margins), so 20 × a margin of −0.15 takes off a strong word.
    /// </summary>
    public double OpinionWeight { get; init; } = 20;

    /// <summary>The least blended score to tick: one weak word the second opinion ranks first.</summary>
    public double BlendedLeast { get; init; } = TopicVocabulary.Weak;

    /// <summary>How far the blended best must be ahead of the next topic the words found.</summary>
    public double BlendedLead { get; init; } = 1.0;

    /// <summary>
    /// The rule with a second opinion: each topic the words found scores its words' score plus
    /// <see cref="OpinionWeight"/> × the second opinion's margin for it. The best is ticked alone when it
    /// scores at least <see cref="BlendedLeast"/> and leads the next by <see cref="BlendedLead"/>. The
    /// second opinion only weighs topics the words found: it never brings one of its own.
    /// </summary>
    public TopicProposal Decide(IReadOnlyList<DetectedTopic> ranked, Func<IReadOnlyDictionary<string, double>>? secondOpinion)
    {
        if (secondOpinion is null || ranked.Count == 0)
        {
            return Decide(ranked);
        }

        var margins = secondOpinion();
        var blended = ranked
            .Select(topic => (Topic: topic, Score: topic.Score + (OpinionWeight * margins.GetValueOrDefault(topic.TopicId, -1))))
            .OrderByDescending(topic => topic.Score)
            .ToList();
        var next = blended.Count > 1 ? blended[1].Score : double.NegativeInfinity;
        return blended[0].Score >= BlendedLeast && blended[0].Score - next >= BlendedLead
            ? new([blended[0].Topic.TopicId], [])
            : Unsure(blended.Select(topic => topic.Topic));
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

    /// <summary>Nothing ticked; the topics the words scored at least <see cref="LikelyFloor"/> listed in the order given.</summary>
    private TopicProposal Unsure(IEnumerable<DetectedTopic> bestFirst) =>
        new([], [.. bestFirst.Where(topic => topic.Score >= LikelyFloor).Take(TopicDetector.MaximumTopics).Select(topic => topic.TopicId)]);
}
