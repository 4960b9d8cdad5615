using PeerSupportBot.Matching;

namespace PeerSupportBot.Tests.Matching;

public sealed class NgramTopicClassifierTests
{
    [Fact]
    public void It_ranks_the_topic_whose_examples_share_the_most_letters_first_and_probabilities_sum_to_one()
    {
        var classifier = new NgramTopicClassifier(
        [
            ("sairauslomalla taas", "sick-leave"),
            ("poissaolot lisääntyy", "sick-leave"),
            ("rekrytointi ei etene", "recruiting-onboarding"),
            ("uuden työntekijän perehdytys", "recruiting-onboarding"),
        ]);

        // Neither word was seen whole: only its letters were.
        var ranked = classifier.Rank("sairauslomien takia");

        Assert.Equal("sick-leave", ranked[0].TopicId);
        Assert.Equal(1.0, ranked.Sum(topic => topic.Probability), 6);
        Assert.Equal(["recruiting-onboarding", "sick-leave"], ranked.Select(topic => topic.TopicId).Order());
    }

    [Fact]
    public void Text_without_letters_ranks_every_topic_evenly()
    {
        var classifier = new NgramTopicClassifier([("kehityskeskustelu", "development-discussions"), ("etätyö", "remote-leadership")]);

        var ranked = classifier.Rank("?!");

        Assert.All(ranked, topic => Assert.Equal(0.5, topic.Probability, 6));
    }

    [Fact]
    public void The_embedded_training_asks_are_the_tuning_sets_and_never_the_newest_held_out_sets()
    {
        var embedded = TrainingAsks.Load().Select(ask => ask.Text).ToHashSet(StringComparer.Ordinal);
        string[] tuningSets = [LabelledAsks.Main, LabelledAsks.HeldOut, LabelledAsks.ChatTuning, LabelledAsks.ChatHeldOut, LabelledAsks.ChatFresh, LabelledAsks.ChatHeldOut3, LabelledAsks.ChatHeldOut4, LabelledAsks.ChatTraining5A, LabelledAsks.ChatTraining5B, LabelledAsks.ChatTraining5C, LabelledAsks.ChatTraining5D, LabelledAsks.ChatHeldOut5, LabelledAsks.ChatHeldOut6, LabelledAsks.ChatTraining6A, LabelledAsks.ChatTraining6B, LabelledAsks.ChatTraining6C, LabelledAsks.ChatTraining6D];
        var tuning = tuningSets.SelectMany(LabelledAsks.Load).Select(ask => ask.Text).ToHashSet(StringComparer.Ordinal);
        var heldOut = new[] { LabelledAsks.ChatHeldOut7, LabelledAsks.ChatHeldOut8 }.SelectMany(LabelledAsks.Load).Select(ask => ask.Text);

        Assert.Equal(tuning.Order(StringComparer.Ordinal), embedded.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(heldOut, embedded.Contains);
    }
}
