using PeerSupportBot.Matching;

namespace PeerSupportBot.Tests.Matching;

public sealed class TopicConfidenceTests
{
    private static readonly TopicConfidence Rule = TopicConfidence.Shipped;

    [Fact]
    public void A_strong_topic_clearly_ahead_is_ticked_alone()
    {
        var proposal = Rule.Decide([new("sick-leave", 4.5), new("wellbeing", 1.5)]);

        Assert.Equal(["sick-leave"], proposal.Preselected);
        Assert.True(proposal.IsSure);
    }

    [Fact]
    public void Two_sure_topics_neck_and_neck_are_both_ticked()
    {
        var proposal = Rule.Decide([new("change-negotiations", 3), new("difficult-conversations", 3), new("wellbeing", 0.75)]);

        Assert.Equal(["change-negotiations", "difficult-conversations"], proposal.Preselected);
    }

    [Theory]
    [InlineData(1.5, 0)]
    [InlineData(3, 2.25)]
    public void A_single_medium_word_or_a_close_race_ticks_nothing_and_lists_the_likely_topics_best_first(double best, double next)
    {
        List<DetectedTopic> ranked = [new("difficult-conversations", best), new("time-management", next), new("wellbeing", 0.5)];

        var proposal = Rule.Decide([.. ranked.Where(topic => topic.Score > 0)]);

        Assert.Empty(proposal.Preselected);
        Assert.Equal(next >= Rule.LikelyFloor ? ["difficult-conversations", "time-management"] : ["difficult-conversations"], proposal.Likely);
    }

    [Fact]
    public void Nothing_found_proposes_nothing() =>
        Assert.Equal(TopicProposal.Nothing, Rule.Decide([]));
}
