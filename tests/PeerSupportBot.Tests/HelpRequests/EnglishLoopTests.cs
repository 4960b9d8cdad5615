using System.Net;
using PeerSupportBot.Asking;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.HelpRequests;

/// <summary>The same loop in English: each person reads the bot in their own language.</summary>
public sealed class EnglishLoopTests : IAsyncLifetime
{
    private readonly TeamsWorld _world = new(runSweep: false);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task An_English_asker_and_a_Finnish_helper_each_read_their_own_language()
    {
        var code = await _world.CohortAsync(_world.Person("Kaisa Kouluttaja"), "Leadership Programme");
        var asker = _world.Person("Ben Supervisor", "en-US");
        var helper = _world.Person("Helmi Auttaja");
        await _world.JoinAsync(asker, code, "wellbeing", "en");
        await _world.JoinAsync(helper, code, "difficult-conversations", "fi,en");

        await _world.SayAsync(asker, "Has anyone dealt with a conflict between two people in their team who refuse to work together?");
        var askCard = _world.LastCardTo(asker);
        Assert.True(OnCard.Shows(askCard, BotText.Get<AskText>("AskTitle", "en")));
        var sent = await _world.PressAsync(asker, askCard, AskVerbs.SendAll, new Dictionary<string, string> { ["share"] = ShareChoices.TopicsOnly });
        Assert.Equal(HttpStatusCode.OK, sent.Status);

        var request = _world.LastCardTo(helper);
        AdaptiveCardSchema.AssertValid(request);
        Assert.True(OnCard.Shows(request, "Vaikeat keskustelut ja ristiriidat"));
        Assert.False(OnCard.Shows(request, "refuse to work together"));
        var accepted = await _world.PressAsync(helper, request, HelpRequestVerbs.Accept);

        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        var introduction = _world.LastCardTo(asker);
        Assert.True(OnCard.Shows(introduction, helper.Name));
        Assert.True(OnCard.Shows(introduction, BotText.Get<HelpRequestText>("AskerIntroTitle", "en", helper.Name)));
    }
}
