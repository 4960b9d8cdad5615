using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.Asking;
using PeerSupportBot.Consent;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.HelpRequests;

/// <summary>Who is suggested: colleagues from the asker's cohorts who consented and fit, and nobody else.</summary>
public sealed class MatchingTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly TeamsWorld _world;
    private TeamsPerson _asker = null!;
    private string _code = "";

    public MatchingTests() => _world = new TeamsWorld(clock: _clock, runSweep: false);

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        _code = await _world.CohortAsync(_world.Person("Kaisa Kouluttaja"), "Valmennus");
        _asker = _world.Person("Aino Esihenkilö");
        await _world.JoinAsync(_asker, _code, "wellbeing", "fi");
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Theory]
    [InlineData("Miten hoidatte muutosneuvotteluissa tiedottamisen?", "change-negotiations")]
    [InlineData("Etätiimiä on vaikea johtaa, kun kukaan ei laita kameraa päälle", "remote-leadership")]
    [InlineData("Valmistaudun kehityskeskusteluun, jossa pitää antaa kriittistä palautetta", "development-discussions")]
    public async Task Finnish_inflected_asks_find_the_colleague_who_offers_the_topic(string ask, string topic)
    {
        var helper = _world.Person("Helmi Auttaja");
        await _world.JoinAsync(helper, _code, topic);

        await _world.SayAsync(_asker, ask);

        Assert.Equal([helper.AadObjectId], Suggested(_world.LastCardTo(_asker)));
    }

    [Fact]
    public async Task An_English_ask_finds_an_English_speaking_colleague()
    {
        var asker = _world.Person("Ben Supervisor", "en-US");
        await _world.JoinAsync(asker, _code, "wellbeing", "en");
        var helper = _world.Person("Emma Helper", "en-US");
        await _world.JoinAsync(helper, _code, "difficult-conversations", "en,fi");

        await _world.SayAsync(asker, "Has anyone handled a conflict between two senior people in their team?");

        Assert.Equal([helper.AadObjectId], Suggested(_world.LastCardTo(asker)));
    }

    [Fact]
    public async Task Nobody_is_suggested_who_left_does_not_offer_the_topic_shares_no_language_is_paused_is_at_their_cap_or_is_unreachable()
    {
        var fits = _world.Person("Sopiva Kollega");
        await _world.JoinAsync(fits, _code, "change-negotiations");
        var otherTopic = _world.Person("Eri Aihe");
        await _world.JoinAsync(otherTopic, _code, "recruiting-onboarding");
        var swedishOnly = _world.Person("Sven Svensson");
        await _world.JoinAsync(swedishOnly, _code, "change-negotiations", "sv");
        var paused = _world.Person("Tauolla Oleva");
        await _world.JoinAsync(paused, _code, "change-negotiations");
        await _world.SayAsync(paused, "tauko");
        await _world.PressAsync(paused, _world.LastCardTo(paused), ConsentVerbs.SaveAvailability, new Dictionary<string, string> { ["pause"] = PauseChoices.OneWeek, ["cap"] = "3" });
        var left = _world.Person("Lähtenyt Jäsen");
        await _world.JoinAsync(left, _code, "change-negotiations");
        await _world.SayAsync(left, "peru suostumus");
        await _world.PressAsync(left, _world.LastCardTo(left), ConsentVerbs.WithdrawAll);
        var capped = _world.Person("Täynnä Pyyntöjä");
        await _world.JoinAsync(capped, _code, "change-negotiations");
        await _world.SayAsync(capped, "tauko");
        await _world.PressAsync(capped, _world.LastCardTo(capped), ConsentVerbs.SaveAvailability, new Dictionary<string, string> { ["pause"] = PauseChoices.None, ["cap"] = "1" });
        await AskAndSendAsync(_world.Person("Toinen Kysyjä"), capped);
        var unreachable = _world.Person("Estänyt Botin");
        await _world.JoinAsync(unreachable, _code, "change-negotiations");
        var teams = _world.Connector.Respond!;
        _world.Connector.Respond = request => request.Method == "POST" && request.PathOnly.Contains(Uri.EscapeDataString(unreachable.PersonalConversationId), StringComparison.Ordinal)
            ? new FakeResponse(403, """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""")
            : teams(request);
        await AskAndSendAsync(_world.Person("Kolmas Kysyjä"), unreachable);
        var otherCohort = _world.Person("Toisen Ryhmän Jäsen");
        await _world.JoinAsync(otherCohort, await _world.CohortAsync(_world.Person("Toinen Kouluttaja"), "Muu ryhmä"), "change-negotiations");

        await _world.SayAsync(_asker, "Muutosneuvottelut alkavat ensi viikolla");

        Assert.Equal([fits.AadObjectId], Suggested(_world.LastCardTo(_asker)));
    }

    [Fact]
    public async Task The_asker_is_never_suggested_to_themselves()
    {
        var asker = _world.Person("Itse Kysyjä");
        await _world.JoinAsync(asker, _code, "change-negotiations");

        await _world.SayAsync(asker, "Muutosneuvottelut");

        Assert.Empty(Suggested(_world.LastCardTo(asker)));
    }

    [Fact]
    public async Task Nobody_is_suggested_to_the_same_asker_twice_in_a_row_while_others_fit()
    {
        var helpers = new List<TeamsPerson>();
        for (var i = 0; i < 6; i++)
        {
            var helper = _world.Person($"Auttaja {i}");
            await _world.JoinAsync(helper, _code, "change-negotiations");
            helpers.Add(helper);
        }

        await _world.SayAsync(_asker, "Muutosneuvottelut");
        var first = Suggested(_world.LastCardTo(_asker));
        await _world.SayAsync(_asker, "Muutosneuvottelut taas");
        var second = Suggested(_world.LastCardTo(_asker));

        Assert.Equal(3, first.Count);
        Assert.Equal(3, second.Count);
        Assert.Empty(first.Intersect(second));
    }

    [Fact]
    public async Task Suggestions_show_only_names_cohorts_and_topics()
    {
        var helper = _world.Person("Helmi Auttaja");
        await _world.JoinAsync(helper, _code, "change-negotiations");

        await _world.SayAsync(_asker, "Muutosneuvottelut");

        var card = _world.LastCardTo(_asker);
        var choice = CardText.Of(card).Single(text => text.Contains(helper.Name, StringComparison.Ordinal));
        Assert.Contains("Valmennus", choice, StringComparison.Ordinal);
        Assert.Contains("Muutosneuvottelut ja irtisanomiset", choice, StringComparison.Ordinal);
        Assert.DoesNotContain(helper.Upn, choice, StringComparison.Ordinal);
    }

    private async Task AskAndSendAsync(TeamsPerson asker, TeamsPerson helper)
    {
        await _world.JoinAsync(asker, _code, "wellbeing");
        await _world.SayAsync(asker, "Muutosneuvottelut");
        await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.Send, new Dictionary<string, string> { ["helpers"] = helper.AadObjectId, ["problem"] = "x" });
    }

    private static List<string> Suggested(JsonElement askCard) =>
        [.. (OnCard.ActionData(askCard, AskVerbs.SendAll)?["suggested"]?.GetValue<string>() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)];
}
