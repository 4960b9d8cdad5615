using PeerSupportBot.Matching;

namespace PeerSupportBot.Tests.Matching;

public sealed class TopicDetectorTests : IDisposable
{
    private readonly TopicDetector detector = new();

    public void Dispose() => detector.Dispose();

    [Theory]
    [InlineData("Miten pärjäsitte muutosneuvotteluissa?", "change-negotiations")]
    [InlineData("Kuinka johdatte etätiimiä?", "remote-leadership")]
    [InlineData("Valmistaudun huomenna kehityskeskusteluun", "development-discussions")]
    [InlineData("Yksi tiimistä on sairauslomalla", "sick-leave")]
    [InlineData("Työhyvinvointikyselyn tulokset olivat huonot", "wellbeing")]
    [InlineData("Pääluottamusmieheen on vaikea saada yhteyttä", "shop-stewards")]
    public void Finnish_inflected_compounds_find_their_topic(string ask, string topic) =>
        Assert.Equal(topic, detector.Detect(ask)[0].TopicId);

    [Fact]
    public void Muutosneuvottelut_count_for_negotiations_not_also_for_change_management() =>
        Assert.DoesNotContain(detector.Detect("Muutosneuvotteluissa on hiljaista"), topic => topic.TopicId == "change-management");

    [Theory]
    [InlineData("sairaslomalla oleva työntekijä ei vastaa", "sick-leave")]
    [InlineData("kehityskeskustleut lähestyy", "development-discussions")]
    [InlineData("tyontekijan sairauspoissaolot", "sick-leave")]
    [InlineData("kejityskeskustelut lähestyy", "development-discussions")] // the typo takes the stem's only "h"
    public void A_single_typo_or_missing_dots_still_find_the_topic(string ask, string topic) =>
        Assert.Contains(detector.Detect(ask), found => found.TopicId == topic);

    [Theory]
    [InlineData("How do you prepare for performance reviews?", "development-discussions")]
    [InlineData("One of my people is on long-term sick leave", "sick-leave")]
    [InlineData("We're hiring two developers and I've never interviewed anyone", "recruiting-onboarding")]
    [InlineData("The shop steward wants to meet me", "shop-stewards")]
    public void English_asks_find_their_topic(string ask, string topic) =>
        Assert.Equal(topic, detector.Detect(ask)[0].TopicId);

    [Theory]
    [InlineData("olen ihan loppu", "wellbeing")]
    [InlineData("kuormituskyselyn tulokset tuli", "wellbeing")]
    [InlineData("entinen tiimikaveri ei enää kuuntele mua", "colleague-to-supervisor")]
    [InlineData("asiakas uhkaili henkilökuntaa", "high-pressure")]
    [InlineData("We're told the department will be split in two", "change-management")]
    [InlineData("My team now plans its own sprints", "self-directed-teams")]
    public void Situations_that_imply_a_topic_find_it(string ask, string topic) =>
        Assert.Equal(topic, detector.Detect(ask)[0].TopicId);

    [Theory]
    [InlineData("asiakas uhkaili henkilökuntaa")]
    [InlineData("meidän asiakkuuspäällikkö on sairauslomalla")]
    public void A_customer_mentioned_in_passing_is_not_customer_work(string ask) =>
        Assert.DoesNotContain(detector.Detect(ask), topic => topic.TopicId == "customer-work");

    [Fact]
    public void A_mixed_language_ask_finds_both_topics()
    {
        var topics = detector.Detect("Meillä on remote team ja uusien perehdytys on vaikeaa").Select(topic => topic.TopicId).ToList();

        Assert.Contains("remote-leadership", topics);
        Assert.Contains("recruiting-onboarding", topics);
    }

    [Theory]
    [InlineData("kiitos, hyvää viikonloppua")]
    [InlineData("Thanks, have a nice weekend!")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ok 👍")]
    public void Text_about_nothing_in_particular_detects_nothing(string text) =>
        Assert.Empty(detector.Detect(text));

    [Fact]
    public void Topics_come_ranked_by_score_with_no_more_than_three()
    {
        var topics = detector.Detect(
            "Muutosneuvottelut, etätyö, kehityskeskustelut, sairauslomat, rekrytointi ja luottamusmies: kaikki samalla viikolla");

        Assert.InRange(topics.Count, 1, TopicDetector.MaximumTopics);
        Assert.Equal(topics.OrderByDescending(topic => topic.Score).Select(topic => topic.Score), topics.Select(topic => topic.Score));
    }

    [Fact]
    public void Detection_gives_the_same_answer_from_many_threads_at_once()
    {
        const string Ask = "Miten johdatte etätiimiä muutosneuvotteluiden aikana?";
        var expected = detector.Detect(Ask);

        var answers = Enumerable.Range(0, 64).AsParallel().Select(_ => detector.Detect(Ask)).ToList();

        Assert.All(answers, answer => Assert.Equal(expected, answer));
    }

    [Fact]
    public void A_vocabulary_entry_with_no_words_after_analysis_is_refused_at_construction()
    {
        WeightedWords none = new([], [], []);
        var broken = new TopicWords("wellbeing", none, new WeightedWords(["the"], [], []));

        Assert.Throws<InvalidOperationException>(() => new TopicDetector([broken]));
    }
}
