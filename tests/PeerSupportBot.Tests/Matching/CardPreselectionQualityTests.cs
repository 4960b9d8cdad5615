using PeerSupportBot.Matching;
using PeerSupportBot.Topics;
using Xunit.Abstractions;

namespace PeerSupportBot.Tests.Matching;

/// <summary>
/// Issue 13's goal, measured on what the ask card ticks (TopicDetector.Propose): what is ticked is
/// right at least 95% of the time, and the main topic is ticked in at least 85% of asks. The
/// figures are deterministic, so these are gates; time is reported elsewhere and never gated.
/// </summary>
public sealed class CardPreselectionQualityTests(ITestOutputHelper output) : IDisposable
{
    private const double RequiredPrecision = 0.95;
    private const double RequiredMainTopicRecall = 0.85;

    /// <summary>
    /// The held-out chat asks reach the precision goal but not the recall one (0.714 on the one
    /// honest run, docs/topic-detection.md). This floor only keeps that figure from sliding; raise
    /// it only with asks the vocabulary has not been tuned on.
    /// </summary>
    private const double HeldOutMainTopicFloor = 0.70;

    /// <summary>
    /// The second held-out set, written after the first was read and never tuned on, meets neither
    /// goal (precision 0.896, main topic 0.451, docs/topic-detection.md). Floors at those figures only.
    /// </summary>
    private const double FreshPrecisionFloor = 0.89;
    private const double FreshMainTopicFloor = 0.45;

    private readonly TopicDetector detector = new();

    public void Dispose() => detector.Dispose();

    [Fact]
    public void On_the_tuning_asks_the_card_ticks_the_main_topic_of_85_percent_and_is_right_95_percent_of_the_time()
    {
        List<LabelledAsk> tuning = [.. LabelledAsks.Load(LabelledAsks.Main), .. LabelledAsks.Load(LabelledAsks.HeldOut), .. LabelledAsks.Load(LabelledAsks.ChatTuning)];

        var quality = Measure(tuning, "tuning sets");

        Assert.True(quality.Precision >= RequiredPrecision, $"Precision {quality.Precision:F3} is below {RequiredPrecision}.");
        Assert.True(quality.MainTopicRecall >= RequiredMainTopicRecall, $"Main topic ticked in {quality.MainTopicRecall:F3}, below {RequiredMainTopicRecall}.");
    }

    [Fact]
    public void On_the_held_out_chat_asks_what_the_card_ticks_is_right_95_percent_of_the_time()
    {
        var quality = Measure(LabelledAsks.Load(LabelledAsks.ChatHeldOut), LabelledAsks.ChatHeldOut);

        Assert.True(quality.Precision >= RequiredPrecision, $"Precision {quality.Precision:F3} is below {RequiredPrecision}.");
        Assert.True(quality.MainTopicRecall >= HeldOutMainTopicFloor, $"Main topic ticked in {quality.MainTopicRecall:F3}, below {HeldOutMainTopicFloor}.");
    }

    [Fact]
    public void On_asks_nobody_tuned_on_what_the_card_ticks_stays_at_least_as_right_as_when_first_measured()
    {
        var quality = Measure(LabelledAsks.Load(LabelledAsks.ChatFresh), LabelledAsks.ChatFresh);

        Assert.True(quality.Precision >= FreshPrecisionFloor, $"Precision {quality.Precision:F3} is below {FreshPrecisionFloor}.");
        Assert.True(quality.MainTopicRecall >= FreshMainTopicFloor, $"Main topic ticked in {quality.MainTopicRecall:F3}, below {FreshMainTopicFloor}.");
    }

    [Fact]
    public void The_chat_asks_are_150_or_more_split_in_fixed_halves_and_cover_every_topic_with_known_ids()
    {
        var tuning = LabelledAsks.Load(LabelledAsks.ChatTuning);
        var heldOut = LabelledAsks.Load(LabelledAsks.ChatHeldOut);
        List<LabelledAsk> all = [.. tuning, .. heldOut];

        Assert.True(all.Count >= 150, $"Only {all.Count} chat asks.");
        Assert.Equal(tuning.Count, heldOut.Count);
        Assert.Empty(tuning.Select(ask => ask.Text).Intersect(heldOut.Select(ask => ask.Text)));
        Assert.All(all.SelectMany(ask => ask.Topics), id => Assert.NotNull(TopicCatalog.Find(id)));
        Assert.All(TopicCatalog.All, topic =>
            Assert.True(heldOut.Count(ask => ask.Topics[0] == topic.Id) >= 3, $"{topic.Id} is the main topic of fewer than three held-out asks."));
        Assert.True(all.Count(ask => ask.Language == "en") >= 30, "Too few English asks.");
    }

    private PreselectionQuality Measure(IReadOnlyList<LabelledAsk> asks, string label)
    {
        var quality = PreselectionQuality.Measure(Card, asks) with { Option = "shipped card" };
        output.WriteLine(quality.Report(label));
        Console.WriteLine(quality.Summary(label));
        return quality;
    }

    private CardTopics Card(string text)
    {
        var proposal = detector.Propose(text);
        return new CardTopics(proposal.Preselected, proposal.Likely);
    }
}
