using System.Globalization;
using PeerSupportBot.Matching;

namespace TopicClassifierExperiment;

/// <summary>
/// One score from both signals: the words' score plus the classifier's per-n-gram margin behind its
/// best topic, weighted. Only topics the words found compete. The weight and the two thresholds are
/// swept under the same cross-validation as `cv`, on the asks written blind to the vocabulary.
/// Run: dotnet run -c Release -- blend
/// </summary>
internal static class Blend
{
    private const int Folds = 5;

    public static void Run()
    {
        var everyAsk = Tuning.All();
        var blind = CrossValidation.OtherHands.SelectMany(LabelledSet.Load).ToList();
        var vocabulary = new List<TopicWords>([.. TopicVocabulary.All, .. SituationVocabulary.All, .. EverydayVocabulary.All]);
        using var detector = new TopicDetector(vocabulary);
        var seen = new Dictionary<string, (IReadOnlyList<DetectedTopic> Ranked, IReadOnlyDictionary<string, double> Margins, IReadOnlyList<(string TopicId, double Probability)> Opinion)>();
        for (var fold = 0; fold < Folds; fold++)
        {
            var scored = blind.Where((_, index) => index % Folds == fold).Select(ask => ask.Text).ToHashSet();
            var classifier = new NgramTopicClassifier(everyAsk.Where(ask => !scored.Contains(ask.Text)).Select(ask => (ask.Text, ask.Topics[0])));
            foreach (var text in scored)
            {
                seen[text] = (detector.Rank(text), classifier.Margins(text), classifier.Rank(text));
            }
        }

        Console.WriteLine($"agree (holdout5's rule): {Figures.Of(blind, text => CrossValidation.Agree(seen[text].Ranked, seen[text].Opinion))}");
        Console.WriteLine($"shipped: {Figures.Of(blind, text => From(TopicConfidence.Shipped.Decide(seen[text].Ranked, () => seen[text].Margins)))}");
        var results = new List<(string Name, Figures Figures)>();
        foreach (var weight in new[] { 2.0, 5, 10, 20, 40, 80 })
        {
            foreach (var least in new[] { 0.75, 1.5, 2.25, 3 })
            {
                foreach (var lead in new[] { 0.5, 1, 2, 3 })
                {
                    var name = string.Create(CultureInfo.InvariantCulture, $"weight {weight}, least {least}, lead {lead}");
                    results.Add((name, Figures.Of(blind, text => Card(seen[text].Ranked, seen[text].Margins, weight, least, lead))));
                }
            }
        }

        foreach (var (name, figures) in results.Where(result => result.Figures.Precision >= 0.95).OrderByDescending(result => result.Figures.MainTopicRecall).Take(12))
        {
            Console.WriteLine($"  {name}: {figures}");
        }
    }

    /// <summary>The shipped rule with other constants: the production code, so the sweep measures exactly what would ship.</summary>
    public static Card Card(IReadOnlyList<DetectedTopic> ranked, IReadOnlyDictionary<string, double> margins, double weight, double least, double lead) =>
        From((TopicConfidence.Shipped with { OpinionWeight = weight, BlendedLeast = least, BlendedLead = lead }).Decide(ranked, () => margins));

    private static Card From(TopicProposal proposal) => new(proposal.Preselected, proposal.Likely);
}
