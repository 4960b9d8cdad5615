using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.Asking;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.HelpRequests;

/// <summary>
/// One ask from start to introduction, as each person sees it: the asker's suggestions, the
/// requests the chosen colleagues get, one declining and one accepting, and the introduction.
/// Through POST /api/messages with Azurite behind it and a fake connector playing Teams.
/// </summary>
public sealed class AskToIntroductionTests : IAsyncLifetime
{
    private const string Problem = "Miten kerron tiimille irtisanomisista?";

    private readonly TeamsWorld _world = new(clock: new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)), runSweep: false);
    private TeamsPerson _asker = null!;
    private TeamsPerson[] _helpers = null!;

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        (_asker, _helpers) = await _world.AskerAndHelpersAsync(4, "change-negotiations,difficult-conversations");
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Asking_suggests_three_colleagues_naming_the_shared_cohort_and_the_detected_topic()
    {
        var askCard = await AskAsync();

        AdaptiveCardSchema.AssertValid(askCard);
        Assert.Equal(3, SuggestedKeys(askCard).Count);
        Assert.True(OnCard.Shows(askCard, "Esihenkilövalmennus syksy 2026"));
        Assert.True(OnCard.Shows(askCard, "Muutosneuvottelut ja irtisanomiset"));
    }

    [Fact]
    public async Task Only_the_chosen_colleagues_get_the_request_with_what_the_asker_shared()
    {
        var (sent, chosen) = await SendToTwoAsync();

        Assert.Equal(HttpStatusCode.OK, sent.Status);
        foreach (var helper in chosen)
        {
            var request = _world.LastCardTo(helper);
            AdaptiveCardSchema.AssertValid(request);
            Assert.True(OnCard.Shows(request, Problem));
            Assert.True(OnCard.Shows(request, _asker.Name));
        }

        Assert.DoesNotContain(_world.SentTo(_helpers.Except(chosen).First()), activity => activity.Attachments is { Count: > 0 } && OnCard.Shows(activity.SingleCard(), "irtisanomisista"));
    }

    [Fact]
    public async Task After_one_declines_the_other_accepts_and_gets_a_chat_link_to_the_asker()
    {
        var (_, chosen) = await SendToTwoAsync();
        var (decliner, accepter) = (chosen[0], chosen[1]);

        var declined = await _world.PressAsync(decliner, _world.LastCardTo(decliner), HelpRequestVerbs.Decline);
        var accepted = await _world.PressAsync(accepter, _world.LastCardTo(accepter), HelpRequestVerbs.Accept);

        Assert.Equal(HttpStatusCode.OK, declined.Status);
        Assert.Equal(HttpStatusCode.OK, accepted.Status);
        Assert.Contains(OnCard.Links(accepted.Card), link => link.Contains(Uri.EscapeDataString(_asker.Upn), StringComparison.Ordinal) && link.Contains("/l/chat/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_asker_gets_one_introduction_with_chat_and_call_links_and_never_the_decliners_name()
    {
        var (_, chosen) = await SendToTwoAsync();
        var (decliner, accepter) = (chosen[0], chosen[1]);
        var askerMessagesBeforeAnswers = _world.SentTo(_asker).Count;

        await _world.PressAsync(decliner, _world.LastCardTo(decliner), HelpRequestVerbs.Decline);
        await _world.PressAsync(accepter, _world.LastCardTo(accepter), HelpRequestVerbs.Accept);

        var afterwards = _world.SentTo(_asker).Skip(askerMessagesBeforeAnswers).ToList();
        var introduction = Assert.Single(afterwards).SingleCard();
        AdaptiveCardSchema.AssertValid(introduction);
        Assert.True(OnCard.Shows(introduction, accepter.Name));
        Assert.Contains(OnCard.Links(introduction), link => link.Contains("/l/chat/0/0?users=" + Uri.EscapeDataString(accepter.Upn), StringComparison.Ordinal));
        Assert.Contains(OnCard.Links(introduction), link => link.Contains("/l/meeting/new", StringComparison.Ordinal) && link.Contains(Uri.EscapeDataString(accepter.Upn), StringComparison.Ordinal));
        Assert.DoesNotContain(afterwards, activity => JsonSerializer.Serialize(activity, PeerSupportBot.BotFramework.Schema.BotFrameworkJsonContext.Default.Activity).Contains(decliner.Name, StringComparison.Ordinal));
    }

    private async Task<JsonElement> AskAsync()
    {
        await _world.SayAsync(_asker, "Onko joku käynyt muutosneuvotteluissa läpi sen, miten tiimille kerrotaan irtisanomisista?");
        return _world.LastCardTo(_asker);
    }

    private async Task<(InvokeAnswer Sent, TeamsPerson[] Chosen)> SendToTwoAsync()
    {
        var askCard = await AskAsync();
        var suggested = SuggestedKeys(askCard);
        var chosen = _helpers.Where(helper => suggested.Contains(helper.AadObjectId)).Take(2).ToArray();
        var sent = await _world.PressAsync(_asker, askCard, AskVerbs.Send, new Dictionary<string, string>
        {
            ["helpers"] = string.Join(',', chosen.Select(helper => helper.AadObjectId)),
            ["problem"] = Problem,
            ["share"] = ShareChoices.Text,
            ["urgency"] = UrgencyChoices.Today,
        });
        return (sent, chosen);
    }

    private static List<string> SuggestedKeys(JsonElement askCard) =>
        [.. (OnCard.ActionData(askCard, AskVerbs.SendAll)?["suggested"]?.GetValue<string>() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)];
}
