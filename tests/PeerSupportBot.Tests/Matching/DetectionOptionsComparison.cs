using System.Globalization;
using PeerSupportBot.Matching;
using Xunit.Abstractions;

namespace PeerSupportBot.Tests.Matching;

/// <summary>
/// Issue 13's options side by side on the same asks; prints figures and asserts nothing (the
/// quality tests hold the gates). TOPIC_OPTIONS_SET names the labelled file to use (the chat
/// tuning half unless set); the held-out half is run once per option, for the doc.
/// </summary>
public sealed class DetectionOptionsComparison(ITestOutputHelper output)
{
    [Fact]
    public void Options_are_measured_side_by_side()
    {
        var set = Environment.GetEnvironmentVariable("TOPIC_OPTIONS_SET") ?? LabelledAsks.ChatTuning;
        var asks = LabelledAsks.Load(set);
        using var keywords = new TopicDetector(TopicVocabulary.All, normalisesColloquialFinnish: false);
        using var normalised = new TopicDetector(TopicVocabulary.All, normalisesColloquialFinnish: true);
        using var situations = new TopicDetector([.. TopicVocabulary.All, .. SituationVocabulary.All], normalisesColloquialFinnish: false);
        using var situationsNormalised = new TopicDetector([.. TopicVocabulary.All, .. SituationVocabulary.All]);
        using var shipped = new TopicDetector();
        var sure = TopicConfidence.Shipped;
        Print(
            Measure("keywords, every detected topic ticked", text => AsToday(keywords, text), asks).Summary(set),
            Measure("(a) colloquial normalisation", text => AsToday(normalised, text), asks).Summary(set),
            Measure("(b) situation phrases", text => AsToday(situations, text), asks).Summary(set),
            Measure("(a+b)", text => AsToday(situationsNormalised, text), asks).Summary(set),
            Measure("(c) confidence rule on keywords", text => Card(sure.Decide(keywords.Rank(text))), asks).Summary(set),
            Measure("(a+b+c) as before the generalisation work", text => Card(Before.Decide(situationsNormalised.Rank(text))), asks).Summary(set),
            Measure("shipped: + everyday vocabulary, single tick, n-gram second opinion", text => Card(shipped.Propose(text)), asks).Report(set));
    }

    /// <summary>The rule before the generalisation work: a second topic was ticked beside a tied one.</summary>
    private static readonly TopicConfidence Before = TopicConfidence.Shipped with { CompanionShare = 0.9 };

    /// <summary>The confidence rule's settings on the tuning sets only: how its thresholds were chosen.</summary>
    [Fact]
    public void Confidence_thresholds_are_swept_on_the_tuning_sets()
    {
        List<LabelledAsk> tuning = [.. LabelledAsks.Load(LabelledAsks.ChatTuning), .. LabelledAsks.Load(LabelledAsks.Main), .. LabelledAsks.Load(LabelledAsks.HeldOut), .. LabelledAsks.Load(LabelledAsks.ChatHeldOut), .. LabelledAsks.Load(LabelledAsks.ChatFresh)];
        using var detector = new TopicDetector();
        var ranked = tuning.ToDictionary(ask => ask.Text, ask => detector.Rank(ask.Text));
        var lines = new List<string>();
        foreach (var sureScore in new[] { 1.5, 2.25, 3.0, 3.75, 4.5 })
        {
            foreach (var lead in new[] { 1.0, 1.25, 1.5, 2.0, 3.0 })
            {
                var rule = new TopicConfidence(sureScore, lead, CompanionShare: double.PositiveInfinity, LikelyFloor: 0.75);
                var quality = PreselectionQuality.Measure(text => Card(rule.Decide(ranked[text])), tuning);
                lines.Add(string.Create(CultureInfo.InvariantCulture, $"sure {sureScore}, lead {lead}: {quality.Summary("tuning sets")}"));
            }
        }

        Print([.. lines]);
    }

    private void Print(params string[] lines)
    {
        foreach (var line in lines)
        {
            output.WriteLine(line);
            Console.WriteLine(line);
        }
    }

    private static PreselectionQuality Measure(string option, Func<string, CardTopics> card, IReadOnlyList<LabelledAsk> asks) =>
        PreselectionQuality.Measure(card, asks) with { Option = option };

    /// <summary>The card before issue 13: every detected topic is ticked.</summary>
    private static CardTopics AsToday(TopicDetector detector, string text) =>
        new([.. detector.Detect(text).Select(topic => topic.TopicId)], []);

    private static CardTopics Card(TopicProposal proposal) => new(proposal.Preselected, proposal.Likely);
}
