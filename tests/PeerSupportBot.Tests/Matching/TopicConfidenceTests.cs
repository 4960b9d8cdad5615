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
    public void Two_strong_topics_neck_and_neck_tick_nothing_since_one_of_them_is_usually_wrong()
    {
        var proposal = Rule.Decide([new("change-negotiations", 3), new("difficult-conversations", 3), new("wellbeing", 0.75)]);

        Assert.Empty(proposal.Preselected);
        Assert.Equal(["change-negotiations", "difficult-conversations", "wellbeing"], proposal.Likely);
    }

    [Fact]
    public void A_rule_that_allows_companions_ticks_two_sure_topics_neck_and_neck()
    {
        var withCompanions = Rule with { CompanionShare = 0.9 };

        var proposal = withCompanions.Decide([new("change-negotiations", 3), new("difficult-conversations", 3), new("wellbeing", 0.75)]);

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
    public void A_second_opinion_that_agrees_with_a_medium_word_ticks_it()
    {
        var proposal = Rule.Decide([new("difficult-conversations", 1.5), new("time-management", 0.75)], Opinion("difficult-conversations", "wellbeing"));

        Assert.Equal(["difficult-conversations"], proposal.Preselected);
    }

    [Fact]
    public void A_second_opinion_breaks_a_near_tie_between_the_two_best_topics()
    {
        var proposal = Rule.Decide([new("change-negotiations", 3), new("recruiting-onboarding", 3)], Opinion("recruiting-onboarding", "change-negotiations"));

        Assert.Equal(["recruiting-onboarding"], proposal.Preselected);
    }

    [Fact]
    public void A_second_opinion_for_a_topic_the_words_did_not_find_ticks_nothing()
    {
        var proposal = Rule.Decide([new("difficult-conversations", 1.5), new("time-management", 0.75)], Opinion("wellbeing", "difficult-conversations"));

        Assert.Empty(proposal.Preselected);
        Assert.Equal(["difficult-conversations", "time-management"], proposal.Likely);
    }

    [Fact]
    public void A_second_opinion_may_tick_the_words_second_topic_or_a_weak_hint_but_never_the_third()
    {
        var second = Rule.Decide([new("difficult-conversations", 2.0), new("time-management", 1.0)], Opinion("time-management", "difficult-conversations"));
        var hinted = Rule.Decide([new("difficult-conversations", 0.75)], Opinion("difficult-conversations"));
        var third = Rule.Decide([new("wellbeing", 1.5), new("time-management", 1.5), new("sick-leave", 1.5)], Opinion("sick-leave", "wellbeing"));

        Assert.Equal(["time-management"], second.Preselected);
        Assert.Equal(["difficult-conversations"], hinted.Preselected);
        Assert.Empty(third.Preselected);
    }

    [Fact]
    public void A_sure_topic_the_second_opinion_ranks_first_or_second_stays_ticked()
    {
        var first = Rule.Decide([new("sick-leave", 4.5)], Opinion("sick-leave", "wellbeing"));
        var second = Rule.Decide([new("sick-leave", 4.5)], Opinion("wellbeing", "sick-leave"));

        Assert.Equal(["sick-leave"], first.Preselected);
        Assert.Equal(["sick-leave"], second.Preselected);
    }

    [Fact]
    public void A_sure_topic_the_second_opinion_ranks_lower_is_not_ticked_but_listed_first()
    {
        var proposal = Rule.Decide([new("sick-leave", 4.5), new("wellbeing", 1.5)], Opinion("high-pressure", "time-management", "sick-leave"));

        Assert.Empty(proposal.Preselected);
        Assert.Equal(["sick-leave", "wellbeing"], proposal.Likely);
    }

    [Fact]
    public void The_second_opinion_is_not_asked_when_the_words_found_nothing()
    {
        var asked = false;

        var proposal = Rule.Decide([], () =>
        {
            asked = true;
            return [("wellbeing", 1.0)];
        });

        Assert.Equal(TopicProposal.Nothing, proposal);
        Assert.False(asked);
    }

    [Fact]
    public void Nothing_found_proposes_nothing() =>
        Assert.Equal(TopicProposal.Nothing, Rule.Decide([]));

    private static Func<IReadOnlyList<(string TopicId, double Probability)>> Opinion(params string[] bestFirst) =>
        () => [.. bestFirst.Select((topic, index) => (topic, 1.0 / (index + 2)))];
}
