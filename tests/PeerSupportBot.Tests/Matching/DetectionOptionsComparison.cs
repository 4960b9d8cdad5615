using PeerSupportBot.Matching;
using Xunit.Abstractions;

namespace PeerSupportBot.Tests.Matching;

/// <summary>
/// Issue 13's options side by side on the same asks; prints figures, asserts nothing (the
/// quality tests hold the gates). Set TOPIC_OPTIONS_SET to a labelled file name to choose the set.
/// </summary>
public sealed class DetectionOptionsComparison(ITestOutputHelper output)
{
    [Fact]
    public void Options_are_measured_side_by_side()
    {
        var set = Environment.GetEnvironmentVariable("TOPIC_OPTIONS_SET") ?? LabelledAsks.ChatTuning;
        var asks = LabelledAsks.Load(set);
        using var baseline = new TopicDetector(TopicVocabulary.All, normalisesColloquialFinnish: false);
        using var normalised = new TopicDetector(TopicVocabulary.All, normalisesColloquialFinnish: true);
        using var situations = new TopicDetector([.. TopicVocabulary.All, .. SituationVocabulary.All], normalisesColloquialFinnish: false);
        using var both = new TopicDetector([.. TopicVocabulary.All, .. SituationVocabulary.All], normalisesColloquialFinnish: true);
        var lines = new List<string>
        {
            PreselectionQuality.Measure(text => AsToday(baseline, text), asks).Summary($"baseline on {set}"),
            PreselectionQuality.Measure(text => AsToday(normalised, text), asks).Summary($"(a) colloquial normalisation on {set}"),
            PreselectionQuality.Measure(text => AsToday(situations, text), asks).Summary($"(b) situation phrases on {set}"),
            PreselectionQuality.Measure(text => AsToday(both, text), asks).Report($"(a+b) on {set}"),
        };

        foreach (var line in lines)
        {
            output.WriteLine(line);
            Console.WriteLine(line);
        }
    }

    /// <summary>Today's card: every detected topic is ticked.</summary>
    private static CardTopics AsToday(TopicDetector detector, string text) =>
        new([.. detector.Detect(text).Select(topic => topic.TopicId)], []);
}
