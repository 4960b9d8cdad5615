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
    private const int Folds = 5;

    /// <summary>The sets the vocabulary and the confidence rule were tuned on, and the classifier trained on.</summary>
    private static readonly string[] VocabularySets = [LabelledAsks.Main, LabelledAsks.HeldOut, LabelledAsks.ChatTuning, LabelledAsks.ChatHeldOut, LabelledAsks.ChatFresh];

    /// <summary>
    /// The sets written blind to the vocabulary by other hands. They only train the classifier: entries
    /// tuned on holdout3's misses made holdout4 worse (docs/topic-detection.md), so none shipped.
    /// </summary>
    private static readonly string[] BlindSets = [LabelledAsks.ChatHeldOut3, LabelledAsks.ChatHeldOut4, LabelledAsks.ChatTraining5A, LabelledAsks.ChatTraining5B, LabelledAsks.ChatTraining5C, LabelledAsks.ChatTraining5D, LabelledAsks.ChatHeldOut5, LabelledAsks.ChatHeldOut6, LabelledAsks.ChatTraining6A, LabelledAsks.ChatTraining6B, LabelledAsks.ChatTraining6C, LabelledAsks.ChatTraining6D];

    /// <summary>The newest held-out sets, by two more hands: read once, never tuned or trained on.</summary>
    private static readonly string[] HeldOutSets = [LabelledAsks.ChatHeldOut7, LabelledAsks.ChatHeldOut8];

    /// <summary>Every labelled set except the newest held-out ones: what the classifier is trained on.</summary>
    private static readonly string[] TuningSets = [.. VocabularySets, .. BlindSets];

    private readonly TopicDetector detector = new();

    public void Dispose() => detector.Dispose();

    [Fact]
    public void On_the_tuning_asks_the_card_ticks_the_main_topic_of_85_percent_and_is_right_95_percent_of_the_time()
    {
        foreach (var set in VocabularySets)
        {
            var quality = Measure(LabelledAsks.Load(set), set, Card);
            Assert.True(quality.Precision >= RequiredPrecision, $"Precision {quality.Precision:F3} on {set} is below {RequiredPrecision}.");
        }

        var all = Measure([.. TuningSets.SelectMany(LabelledAsks.Load)], "all tuning sets", Card);

        Assert.True(all.Precision >= RequiredPrecision, $"Precision {all.Precision:F3} is below {RequiredPrecision}.");
        Assert.True(all.MainTopicRecall >= RequiredMainTopicRecall, $"Main topic ticked in {all.MainTopicRecall:F3}, below {RequiredMainTopicRecall}.");
    }

    /// <summary>
    /// The shipped classifier was trained on the tuning asks, so the figures above flatter its second
    /// opinion. Here each fifth of the 2,073 asks written blind to the vocabulary, by twelve hands, is
    /// judged by a classifier trained on every other tuning ask: 0.989 right, the main topic ticked in
    /// 0.859, when the twelfth set was added (docs/topic-detection.md).
    /// </summary>
    [Fact]
    public void With_the_classifier_cross_validated_on_asks_written_blind_to_the_vocabulary_the_card_ticks_the_main_topic_of_85_percent_and_is_right_95_percent_of_the_time()
    {
        const double MainTopicFloor = RequiredMainTopicRecall;
        List<LabelledAsk> tuning = [.. TuningSets.SelectMany(LabelledAsks.Load)];
        List<LabelledAsk> blind = [.. BlindSets.SelectMany(LabelledAsks.Load)];
        using var words = new TopicDetector([.. TopicVocabulary.All, .. SituationVocabulary.All, .. EverydayVocabulary.All]);
        var cards = new Dictionary<string, CardTopics>(StringComparer.Ordinal);
        for (var fold = 0; fold < Folds; fold++)
        {
            var judged = blind.Where((_, index) => index % Folds == fold).Select(ask => ask.Text).ToHashSet(StringComparer.Ordinal);
            var classifier = new NgramTopicClassifier(tuning.Where(ask => !judged.Contains(ask.Text)).Select(ask => (ask.Text, ask.Topics[0])));
            foreach (var text in judged)
            {
                var proposal = TopicConfidence.Shipped.Decide(words.Rank(text), () => classifier.Margins(text));
                cards[text] = new CardTopics(proposal.Preselected, proposal.Likely);
            }
        }

        var quality = Measure(blind, $"asks written blind to the vocabulary, classifier {Folds}-fold cross-validated", text => cards[text]);

        Assert.True(quality.Precision >= RequiredPrecision, $"Precision {quality.Precision:F3} is below {RequiredPrecision}.");
        Assert.True(quality.MainTopicRecall >= MainTopicFloor, $"Main topic ticked in {quality.MainTopicRecall:F3}, below {MainTopicFloor}.");
    }

    /// <summary>
    /// The one honest run of this round (docs/topic-detection.md): on holdout7 and holdout8, which nothing
    /// was tuned or trained on, the card ticked right 0.993 and 1.000 of the time, and ticked the main
    /// topic of 0.873 and 0.909 of their 165 asks each. These floors keep the figures from sliding; a change
    /// that lifts them was tuned on nothing here only if it was made without reading these sets' misses.
    /// </summary>
    [Theory]
    [InlineData(LabelledAsks.ChatHeldOut7, 0.87)]
    [InlineData(LabelledAsks.ChatHeldOut8, 0.90)]
    public void On_asks_nobody_tuned_on_the_card_ticks_the_main_topic_of_85_percent_and_is_right_99_percent_of_the_time(string set, double mainTopicFloor)
    {
        const double PrecisionFloor = 0.99;

        var quality = Measure(LabelledAsks.Load(set), set, Card);

        Assert.True(quality.Precision >= PrecisionFloor, $"Precision {quality.Precision:F3} is below {PrecisionFloor}.");
        Assert.True(quality.MainTopicRecall >= mainTopicFloor, $"Main topic ticked in {quality.MainTopicRecall:F3}, below {mainTopicFloor}.");
    }

    [Theory]
    [InlineData(LabelledAsks.ChatHeldOut7)]
    [InlineData(LabelledAsks.ChatHeldOut8)]
    public void The_newest_held_out_sets_are_large_mostly_Finnish_cover_every_topic_and_share_no_ask_with_the_tuning_sets(string set)
    {
        var heldOut = LabelledAsks.Load(set);
        var others = TuningSets.Concat(HeldOutSets.Where(other => other != set)).SelectMany(LabelledAsks.Load).Select(ask => ask.Text.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);

        Assert.True(heldOut.Count >= 150, $"Only {heldOut.Count} asks.");
        Assert.True(heldOut.Count(ask => ask.Language == "fi") * 3 >= heldOut.Count * 2 * 0.95, "Far fewer than two thirds of the asks are Finnish.");
        Assert.True(heldOut.Count(ask => ask.Language == "en") * 4 >= heldOut.Count, "Fewer than a quarter of the asks are English.");
        Assert.All(heldOut.SelectMany(ask => ask.Topics), id => Assert.NotNull(TopicCatalog.Find(id)));
        Assert.All(TopicCatalog.All, topic =>
            Assert.True(heldOut.Count(ask => ask.Topics[0] == topic.Id) >= 5, $"{topic.Id} is the main topic of fewer than five asks."));
        Assert.DoesNotContain(heldOut, ask => others.Contains(ask.Text.Trim().ToLowerInvariant()));
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

    private PreselectionQuality Measure(IReadOnlyList<LabelledAsk> asks, string label, Func<string, CardTopics> card)
    {
        var quality = PreselectionQuality.Measure(card, asks) with { Option = "shipped card" };
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
