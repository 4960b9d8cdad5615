using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.Asking;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Storage;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Abuse;

/// <summary>Per-person limits on join attempts and asks, kept without keeping who the person is.</summary>
public sealed class ThrottleTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
    private readonly TeamsWorld _world;

    public ThrottleTests() => _world = new TeamsWorld(clock: _clock, runSweep: false);

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task A_wrong_join_code_keeps_a_keyed_hash_of_the_person_and_the_row_goes_when_the_window_ends()
    {
        var guesser = _world.Person("Gustav Guesser", "en-US");

        await _world.SayAsync(guesser, "join AAAA-BBBB-CCCC");

        var row = Assert.Single(await StorageScan.RowsAsync(_world.App, JoinThrottle.Limit.Table));
        Assert.Matches("^[0-9A-F]{64}$", row.PartitionKey);
        Assert.Empty(await StorageScan.RowsMentioningAsync(_world.App, guesser.AadObjectId, guesser.UserId, guesser.Name));

        _clock.Advance(JoinThrottle.Window);
        await _world.App.SweepAsync();

        Assert.Empty(await StorageScan.RowsAsync(_world.App, JoinThrottle.Limit.Table));
    }

    [Theory]
    [InlineData("fi-FI", "fi", "Onko kellään kokemusta muutosneuvotteluista ja irtisanomisista?")]
    [InlineData("en-US", "en", "Has anyone been through change negotiations and layoffs with their team?")]
    public async Task An_asker_over_the_hourly_limit_is_told_so_in_their_language_and_nobody_is_asked(string locale, string language, string ask)
    {
        var trainer = _world.Person("Kaisa Kouluttaja");
        var code = await _world.CohortAsync(trainer, "Valmennus");
        var asker = _world.Person("Aino Esihenkilö", locale);
        await _world.JoinAsync(asker, code, "wellbeing");
        var helper = _world.Person("Helmi Auttaja");
        await _world.JoinAsync(helper, code, "change-negotiations");
        var counter = _world.App.Services.GetRequiredService<AttemptCounter>();
        for (var sent = 0; sent < AskThrottle.MaxSends; sent++)
        {
            await counter.RecordAsync(AskThrottle.Limit, asker.AadObjectId, CancellationToken.None);
        }

        await _world.SayAsync(asker, ask);
        var cardsToHelperBefore = _world.SentTo(helper).Count;
        var answer = await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.SendAll);

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(BotText.Get<AskText>("TooManyAsks", language, AskThrottle.MaxSends, (int)AskThrottle.Window.TotalMinutes), answer.ShownMessage);
        Assert.Equal(cardsToHelperBefore, _world.SentTo(helper).Count);
        Assert.Empty(await StorageScan.RowsAsync(_world.App, "HelpRequests"));

        _clock.Advance(AskThrottle.Window);
        await _world.App.SweepAsync();
        Assert.Empty(await StorageScan.RowsAsync(_world.App, AskThrottle.Limit.Table));
    }
}
