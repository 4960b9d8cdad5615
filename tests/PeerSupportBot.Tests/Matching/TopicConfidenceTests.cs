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
    public void A_weak_word_the_second_opinion_ranks_first_is_ticked()
    {
        var proposal = Rule.Decide([new("difficult-conversations", 0.75), new("time-management", 0.75)], Margins(("difficult-conversations", 0), ("time-management", -0.1)));

        Assert.Equal(["difficult-conversations"], proposal.Preselected);
    }

    [Fact]
    public void A_clear_strong_word_survives_a_second_opinion_that_prefers_a_topic_the_words_did_not_find()
    {
        List<DetectedTopic> ranked = [new("difficult-conversations", 3), new("culture-change", 0.75), new("colleague-to-supervisor", 0.75)];

        var proposal = Rule.Decide(ranked, Margins(("development-discussions", 0), ("difficult-conversations", -0.05), ("culture-change", -0.1), ("colleague-to-supervisor", -0.1)));

        Assert.Equal(["difficult-conversations"], proposal.Preselected);
    }

    [Fact]
    public void A_strong_word_the_second_opinion_doubts_is_not_ticked_and_both_topics_are_listed()
    {
        var proposal = Rule.Decide([new("sick-leave", 4.5), new("wellbeing", 1.5)], Margins(("sick-leave", -0.16), ("wellbeing", -0.02)));

        Assert.Empty(proposal.Preselected);
        Assert.Equal(["sick-leave", "wellbeing"], proposal.Likely);
    }

    [Fact]
    public void The_second_opinion_may_turn_a_near_tie_into_a_tick_for_the_topic_it_prefers()
    {
        var proposal = Rule.Decide([new("change-negotiations", 3), new("recruiting-onboarding", 3)], Margins(("recruiting-onboarding", 0), ("change-negotiations", -0.1)));

        Assert.Equal(["recruiting-onboarding"], proposal.Preselected);
    }

    [Fact]
    public void Two_topics_still_close_after_the_second_opinion_tick_nothing()
    {
        var proposal = Rule.Decide([new("change-negotiations", 3), new("recruiting-onboarding", 3)], Margins(("change-negotiations", 0), ("recruiting-onboarding", -0.02)));

        Assert.Empty(proposal.Preselected);
        Assert.Equal(["change-negotiations", "recruiting-onboarding"], proposal.Likely);
    }

    [Fact]
    public void The_second_opinion_never_ticks_a_topic_the_words_did_not_find()
    {
        var proposal = Rule.Decide([new("difficult-conversations", 1.5)], Margins(("wellbeing", 0), ("difficult-conversations", -0.5)));

        Assert.Empty(proposal.Preselected);
        Assert.Equal(["difficult-conversations"], proposal.Likely);
    }

    [Fact]
    public void Without_a_second_opinion_the_words_alone_decide()
    {
        List<DetectedTopic> ranked = [new("difficult-conversations", 1.5), new("time-management", 0.75)];

        var alone = Rule.Decide(ranked, secondOpinion: null);

        Assert.Empty(alone.Preselected);
        Assert.Equal(Rule.Decide(ranked).Likely, alone.Likely);
    }

    [Fact]
    public void The_second_opinion_is_not_asked_when_the_words_found_nothing()
    {
        var asked = false;

        var proposal = Rule.Decide([], () =>
        {
            asked = true;
            return new Dictionary<string, double> { ["wellbeing"] = 0 };
        });

        Assert.Equal(TopicProposal.Nothing, proposal);
        Assert.False(asked);
    }

    [Fact]
    public void Nothing_found_proposes_nothing() =>
        Assert.Equal(TopicProposal.Nothing, Rule.Decide([]));

    private static Func<IReadOnlyDictionary<string, double>> Margins(params (string TopicId, double Margin)[] margins) =>
        () => margins.ToDictionary(pair => pair.TopicId, pair => pair.Margin, StringComparer.Ordinal);
}
