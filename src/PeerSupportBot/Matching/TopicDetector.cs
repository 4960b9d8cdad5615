using PeerSupportBot.Topics;

namespace PeerSupportBot.Matching;

/// <summary>
/// Finds which catalog topics an ask is about. Every ask is analysed both as Finnish (Snowball
/// Finnish stems) and as English (Porter stems), because supervisors mix the languages and the
/// client's locale says little. Each language's vocabulary is matched against its own analysis;
/// a longer match hides shorter ones inside it, so "muutosneuvotteluissa" counts for change
/// negotiations and not also for change management. Create once: building stems the vocabulary.
/// </summary>
internal sealed class TopicDetector : IDisposable
{
    /// <summary>One medium word, or two weak ones, is enough to suggest a topic.</summary>
    public const double MinimumScore = 1.5;

    /// <summary>Topics far behind the best one are noise from a passing word.</summary>
    public const double RelativeFloor = 0.4;

    /// <summary>The ask card shows a few editable topics; more would be a list to prune.</summary>
    public const int MaximumTopics = 3;

    /// <summary>Beyond this the ask is an essay; its opening tells the topic and time stays bounded.</summary>
    private const int MaximumAnalysedLength = 4000;

    private readonly TopicTextAnalysis analysis = new();
    private readonly TermMatcher finnish;
    private readonly TermMatcher english;
    private readonly Dictionary<string, int> catalogOrder;
    private readonly bool normalisesColloquialFinnish;
    private readonly NgramTopicClassifier? secondOpinion;

    /// <summary>
    /// The shipped detector: keywords, situation phrases and everyday words, with colloquial Finnish
    /// rewritten first, and the n-gram classifier trained on the embedded labelled asks as second opinion.
    /// </summary>
    public TopicDetector()
        : this([.. TopicVocabulary.All, .. SituationVocabulary.All, .. EverydayVocabulary.All], secondOpinion: TrainingAsks.Classifier)
    {
    }

    /// <param name="normalisesColloquialFinnish">Rewrites puhekieli to written forms before analysis; off only to measure it.</param>
    /// <param name="secondOpinion">Weighed with the words' scores (TopicConfidence); none to measure the words alone.</param>
    public TopicDetector(IReadOnlyList<TopicWords> vocabulary, bool normalisesColloquialFinnish = true, NgramTopicClassifier? secondOpinion = null)
    {
        this.normalisesColloquialFinnish = normalisesColloquialFinnish;
        this.secondOpinion = secondOpinion;
        var terms = new TopicTermBuilder();
        finnish = new TermMatcher(terms.Build(vocabulary, topic => topic.Finnish, analysis.Finnish), findsCompoundParts: true);
        english = new TermMatcher(terms.Build(vocabulary, topic => topic.English, analysis.English), findsCompoundParts: false);
        catalogOrder = TopicCatalog.All.Select((topic, index) => (topic.Id, index)).ToDictionary(pair => pair.Id, pair => pair.index, StringComparer.Ordinal);
    }

    /// <summary>The topics that pass the score floors, best first; empty when nothing fits.</summary>
    public IReadOnlyList<DetectedTopic> Detect(string text)
    {
        var ranked = Rank(text);
        if (ranked.Count == 0)
        {
            return [];
        }

        var best = ranked[0].Score;
        return [.. ranked.Where(topic => topic.Score >= MinimumScore && topic.Score >= best * RelativeFloor).Take(MaximumTopics)];
    }

    /// <summary>What the ask card should tick, or, when unsure, the likely topics to list first (see TopicConfidence).</summary>
    public TopicProposal Propose(string text) => Propose(text, TopicConfidence.Shipped);

    /// <summary>As <see cref="Propose(string)"/> with another rule, to measure it.</summary>
    public TopicProposal Propose(string text, TopicConfidence rule) =>
        rule.Decide(Rank(text), secondOpinion is null ? null : () => secondOpinion.Margins(Bounded(text)));

    /// <summary>Every topic any vocabulary entry pointed to, best first (catalog order breaks ties), scores unfiltered.</summary>
    public IReadOnlyList<DetectedTopic> Rank(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var analysed = Bounded(text);
        if (normalisesColloquialFinnish)
        {
            analysed = ColloquialFinnish.Normalise(analysed);
        }

        var found = new List<TermMatch>();
        finnish.FindIn(analysis.Finnish(analysed), found);
        english.FindIn(analysis.English(analysed), found);

        return [.. Score(KeepOutermost(found))
            .OrderByDescending(score => score.Value)
            .ThenBy(score => catalogOrder.GetValueOrDefault(score.Key, int.MaxValue))
            .Select(score => new DetectedTopic(score.Key, Math.Round(score.Value, 2)))];
    }

    public void Dispose() => analysis.Dispose();

    private static string Bounded(string text) => text.Length > MaximumAnalysedLength ? text[..MaximumAnalysedLength] : text;

    /// <summary>
    /// Drops a match lying inside a longer one ("muutos" inside "muutosneuvottelu"), and a repeat of
    /// the same topic on the same characters (the Finnish and English analyses both finding "stress").
    /// </summary>
    private static List<TermMatch> KeepOutermost(List<TermMatch> found)
    {
        var kept = new List<TermMatch>();
        foreach (var match in found.OrderByDescending(match => match.Length).ThenByDescending(match => match.Weight))
        {
            var hidden = kept.Exists(outer => match.LiesWithin(outer)
                && (outer.Length > match.Length || outer.Term.TopicId == match.Term.TopicId));
            if (!hidden)
            {
                kept.Add(match);
            }
        }

        return kept;
    }

    /// <summary>Each vocabulary entry counts once, however often the ask repeats it.</summary>
    private static Dictionary<string, double> Score(List<TermMatch> matches) =>
        matches
            .GroupBy(match => match.Term.Id)
            .Select(entry => (entry.First().Term.TopicId, Weight: entry.Max(match => match.Weight)))
            .GroupBy(entry => entry.TopicId, StringComparer.Ordinal)
            .ToDictionary(topic => topic.Key, topic => topic.Sum(entry => entry.Weight), StringComparer.Ordinal);
}
