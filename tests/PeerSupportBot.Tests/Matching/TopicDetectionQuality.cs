using System.Globalization;
using System.Text;
using PeerSupportBot.Matching;

namespace PeerSupportBot.Tests.Matching;

/// <summary>
/// How well the detector agrees with the labelled asks. The detector's answer for an ask is every
/// topic Detect returns (at most TopicDetector.MaximumTopics, each above its score thresholds).
/// Precision and recall are micro-averaged over all (ask, topic) pairs; first-topic recall is the
/// share of asks whose main expected topic is among the returned ones.
/// </summary>
internal sealed record TopicDetectionQuality(
    int Asks,
    double Precision,
    double Recall,
    double FirstTopicRecall,
    double FirstTopicRankedFirst,
    IReadOnlyList<string> Misses)
{
    public static TopicDetectionQuality Measure(TopicDetector detector, IReadOnlyList<LabelledAsk> asks)
    {
        int returned = 0, expected = 0, agreed = 0, firstFound = 0, firstOnTop = 0;
        var misses = new List<string>();
        foreach (var ask in asks)
        {
            var detected = detector.Detect(ask.Text).Select(topic => topic.TopicId).ToList();
            var hits = detected.Intersect(ask.Topics, StringComparer.Ordinal).Count();
            returned += detected.Count;
            expected += ask.Topics.Count;
            agreed += hits;
            firstFound += detected.Contains(ask.Topics[0]) ? 1 : 0;
            firstOnTop += detected.Count > 0 && detected[0] == ask.Topics[0] ? 1 : 0;
            if (hits != ask.Topics.Count || hits != detected.Count)
            {
                var mark = detected.Contains(ask.Topics[0]) ? "partial" : "MISSED MAIN";
                misses.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{mark} [{ask.Language}] expected {string.Join(", ", ask.Topics)} | got {(detected.Count == 0 ? "nothing" : string.Join(", ", detected))} | {ask.Text}"));
            }
        }

        return new TopicDetectionQuality(
            asks.Count,
            Ratio(agreed, returned),
            Ratio(agreed, expected),
            Ratio(firstFound, asks.Count),
            Ratio(firstOnTop, asks.Count),
            misses);
    }

    public string Summary(string label) => string.Create(CultureInfo.InvariantCulture,
        $"Topic detection ({label}, {Asks} asks): precision {Precision:F3}, recall {Recall:F3}, first-topic recall {FirstTopicRecall:F3}, first topic ranked first {FirstTopicRankedFirst:F3}");

    public string Report(string label)
    {
        var report = new StringBuilder().AppendLine(Summary(label));
        foreach (var miss in Misses)
        {
            report.Append("  ").AppendLine(miss);
        }

        return report.ToString();
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
