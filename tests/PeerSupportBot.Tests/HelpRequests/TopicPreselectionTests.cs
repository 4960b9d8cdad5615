using PeerSupportBot.Asking;
using PeerSupportBot.Tests.Cards;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.HelpRequests;

/// <summary>
/// What the asker sees of the detected topics, through POST /api/messages: a sure topic is ticked
/// and its helpers suggested; an unsure one ticks nothing, says so, and lists the likely topics first.
/// </summary>
public sealed class TopicPreselectionTests : IAsyncLifetime
{
    private readonly TeamsWorld _world = new(runSweep: false);
    private string _code = "";

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        _code = await _world.CohortAsync(_world.Person("Kaisa Kouluttaja"), "Valmennus");
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task A_sure_ask_preselects_its_topic_and_suggests_who_helps_in_it()
    {
        var asker = await MemberAsync("Aino Esihenkilö", "fi-FI", "wellbeing");
        var helper = await MemberAsync("Helmi Auttaja", "fi-FI", "sick-leave");

        await _world.SayAsync(asker, "Yks mun tiimistä on ollu sairauslomalla jo kolme viikkoo");

        var card = _world.LastCardTo(asker);
        var topics = CardJson.Input(card, "topics");
        Assert.Equal("sick-leave", CardJson.Value(topics));
        Assert.Equal("Tunnistamani aiheet – muuta tarvittaessa", topics.GetProperty("label").GetString());
        Assert.DoesNotContain(CardText.Of(card), text => text.StartsWith("En ollut varma", StringComparison.Ordinal));
        Assert.Equal([helper.AadObjectId], CardJson.ChoiceValues(CardJson.Input(card, "helpers")));
    }

    [Fact]
    public async Task Unsure_asks_preselect_nothing_and_list_likely_topics_first()
    {
        var asker = await MemberAsync("Aino Esihenkilö", "fi-FI", "wellbeing");
        var helper = await MemberAsync("Helmi Auttaja", "fi-FI", "difficult-conversations");

        // The words lean to time management, the second opinion to neither topic they found: the bot is not
        // sure, and lists the two in the order both signals weighed together give.
        await _world.SayAsync(asker, "Palaverit venyy ja yks on hankala");

        var card = _world.LastCardTo(asker);
        var topics = CardJson.Input(card, "topics");
        Assert.Null(CardJson.Value(topics));
        Assert.Equal("Valitse aiheet", topics.GetProperty("label").GetString());
        Assert.Equal(["difficult-conversations", "time-management"], CardJson.ChoiceValues(topics).Take(2));
        var texts = CardText.Of(card);
        Assert.Contains("En ollut varma, mitä aihetta kysymyksesi koskee, joten en valinnut valmiiksi mitään. Valitse yksi tai useampi aihe – todennäköisimmät ovat listan alussa.", texts);
        Assert.Contains("Todennäköisimmät: Vaikeat keskustelut ja ristiriidat, Ajankäyttö", texts);
        Assert.DoesNotContain("helpers", CardJson.InputIds(card));

        // Choosing the topic and updating brings the colleague who helps in it.
        var answer = await _world.PressAsync(asker, card, AskVerbs.Refresh, new Dictionary<string, string> { ["topics"] = "difficult-conversations", ["problem"] = "x" });

        var updated = answer.Card;
        Assert.Equal("difficult-conversations", CardJson.Value(CardJson.Input(updated, "topics")));
        Assert.Equal([helper.AadObjectId], CardJson.ChoiceValues(CardJson.Input(updated, "helpers")));
    }

    [Fact]
    public async Task An_unsure_English_ask_reads_the_same_in_English()
    {
        var asker = await MemberAsync("Ben Supervisor", "en-US", "wellbeing", "en");

        await _world.SayAsync(asker, "It has been a difficult spring in my team");

        var card = _world.LastCardTo(asker);
        Assert.Null(CardJson.Value(CardJson.Input(card, "topics")));
        Assert.Equal("difficult-conversations", CardJson.ChoiceValues(CardJson.Input(card, "topics"))[0]);
        var texts = CardText.Of(card);
        Assert.Contains(texts, text => text.StartsWith("I wasn't sure which topic your question is about", StringComparison.Ordinal));
        Assert.Contains("Most likely: Difficult conversations and conflicts", texts);
    }

    private async Task<TeamsPerson> MemberAsync(string name, string locale, string topics, string languages = "fi")
    {
        var person = _world.Person(name, locale);
        await _world.JoinAsync(person, _code, topics, languages);
        return person;
    }
}
