using PeerSupportBot.Cohorts;
using PeerSupportBot.Matching;

namespace PeerSupportBot.Tests.Matching;

/// <summary>The ranking of colleagues, as the pure function it is: topic fit first, then cohorts, rest and history.</summary>
public sealed class MatcherScoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly string[] Asked = ["change-negotiations", "wellbeing"];
    private static readonly MemberLoad NeverAsked = MemberLoad.None;

    [Fact]
    public void The_main_topic_counts_twice_as_much_as_another_asked_topic()
    {
        var main = Matcher.Score(Asked, ["change-negotiations"], 1, NeverAsked, 0, Now);
        var second = Matcher.Score(Asked, ["wellbeing"], 1, NeverAsked, 0, Now);
        var both = Matcher.Score(Asked, Asked, 1, NeverAsked, 0, Now);

        Assert.Equal(1.0, main - second, precision: 9);
        Assert.Equal(1.0, both - main, precision: 9);
    }

    [Fact]
    public void Someone_never_asked_scores_as_fully_rested()
    {
        // Main topic (2) + one cohort (0) + fully rested (0.75) + no history (0).
        Assert.Equal(2.75, Matcher.Score(Asked, ["change-negotiations"], 1, NeverAsked, 0, Now), precision: 9);
    }

    [Fact]
    public void Rest_grows_with_the_days_since_last_asked_and_stops_growing_at_thirty()
    {
        double Rested(double days) => Matcher.Score(Asked, ["wellbeing"], 1, new MemberLoad(null, 1, Now.AddDays(-days)), 0, Now);

        Assert.Equal(1.0, Rested(0), precision: 9);
        Assert.Equal(1.375, Rested(15), precision: 9);
        Assert.Equal(1.75, Rested(30), precision: 9);
        Assert.Equal(Rested(30), Rested(90), precision: 9);
    }

    [Fact]
    public void Each_further_shared_cohort_adds_half_a_point()
    {
        var one = Matcher.Score(Asked, ["wellbeing"], 1, NeverAsked, 0, Now);
        var three = Matcher.Score(Asked, ["wellbeing"], 3, NeverAsked, 0, Now);

        Assert.Equal(1.0, three - one, precision: 9);
    }

    [Fact]
    public void Help_accepted_before_adds_half_a_point_each_for_at_most_two_times()
    {
        double HelpedBefore(int times) => Matcher.Score(Asked, ["wellbeing"], 1, NeverAsked, times, Now);

        Assert.Equal(0.5, HelpedBefore(1) - HelpedBefore(0), precision: 9);
        Assert.Equal(1.0, HelpedBefore(2) - HelpedBefore(0), precision: 9);
        Assert.Equal(HelpedBefore(2), HelpedBefore(10), precision: 9);
    }
}
