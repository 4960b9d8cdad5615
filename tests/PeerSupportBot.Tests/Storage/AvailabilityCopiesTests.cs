using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.Asking;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;
using PeerSupportBot.Matching;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Storage;

/// <summary>
/// A person's availability lives on each of their membership rows. Every change that decides
/// whether they may be asked reaches every copy before the turn answers, and no late write to a
/// copy (a delivery counting a request, a contact refresh, the start-up upgrade) can bring back
/// someone who withdrew or was forgotten.
/// </summary>
public sealed class AvailabilityCopiesTests : IAsyncLifetime
{
    private const string Ask = "Muutosneuvottelut alkavat, miten kerron tiimille?";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2027, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly TeamsWorld _world;
    private TeamsPerson _asker = null!;
    private TeamsPerson _helper = null!;

    public AvailabilityCopiesTests() => _world = new TeamsWorld(clock: _clock, runSweep: false);

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        var trainer = _world.Person("Kaisa Kouluttaja");
        var codes = new[] { await _world.CohortAsync(trainer, "Syksy 2026"), await _world.CohortAsync(trainer, "Kevät 2027") };
        _asker = _world.Person("Aino Esihenkilö");
        _helper = _world.Person("Helmi Auttaja");
        foreach (var code in codes)
        {
            await _world.JoinAsync(_asker, code, "wellbeing");
            await _world.JoinAsync(_helper, code, "change-negotiations");
        }
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Both_copies_are_matched_and_a_withdrawn_helper_is_never_matched_again_whatever_writes_late()
    {
        Assert.Contains(_helper.AadObjectId, await SuggestedAsync());
        Assert.Equal(2, (await CopiesOfHelperAsync()).Count);

        await _world.SayAsync(_helper, "peru suostumus");
        await _world.PressAsync(_helper, _world.LastCardTo(_helper), ConsentVerbs.WithdrawAll);

        Assert.Empty(await CopiesOfHelperAsync());
        await LateWritesToTheHelpersCopiesAsync();
        Assert.Empty(await CopiesOfHelperAsync());
        Assert.DoesNotContain(_helper.AadObjectId, await SuggestedAsync());
    }

    [Fact]
    public async Task A_forgotten_helper_is_never_matched_again_whatever_writes_late()
    {
        Assert.Contains(_helper.AadObjectId, await SuggestedAsync());

        await _world.SayAsync(_helper, "unohda minut");
        await _world.PressAsync(_helper, _world.LastCardTo(_helper), ConsentVerbs.Forget);

        Assert.Empty(await CopiesOfHelperAsync());
        await LateWritesToTheHelpersCopiesAsync();
        Assert.Empty(await CopiesOfHelperAsync());
        Assert.DoesNotContain(_helper.AadObjectId, await SuggestedAsync());
        Assert.Empty(await StorageScan.RowsMentioningAsync(_world.App, _helper.AadObjectId));
    }

    [Fact]
    public async Task An_uninstall_marks_every_copy_unreachable_and_the_next_message_every_copy_reachable()
    {
        await _world.PersonalInstallationAsync(_helper, InstallationActions.Remove);

        Assert.All(await CopiesOfHelperAsync(), copy => Assert.False(copy.GetBoolean("Reachable")));
        Assert.DoesNotContain(_helper.AadObjectId, await SuggestedAsync());

        await _world.PersonalInstallationAsync(_helper, InstallationActions.Add);
        await _world.SayAsync(_helper, "ohje");

        Assert.All(await CopiesOfHelperAsync(), copy => Assert.True(copy.GetBoolean("Reachable")));
        Assert.Contains(_helper.AadObjectId, await SuggestedAsync());
    }

    [Fact]
    public async Task Requests_counted_at_once_on_every_copy_are_all_counted_and_the_cap_holds_in_both_cohorts()
    {
        var copies = _world.App.Services.GetRequiredService<MembershipCopies>();

        // Two deliveries counting at once (two bot instances): ETag-conditional, so neither count is lost.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(request => copies.RecordAskedAsync(_helper.AadObjectId, $"request-{request}", CancellationToken.None)));

        Assert.All(await CopiesOfHelperAsync(), copy => Assert.Equal(4, copy.GetInt32("AskedInMonth")));
        // The default cap is 3 a month: passed in every cohort at once.
        Assert.DoesNotContain(_helper.AadObjectId, await SuggestedAsync());
        _clock.Advance(TimeSpan.FromDays(31));
        Assert.Contains(_helper.AadObjectId, await SuggestedAsync());
    }

    [Fact]
    public async Task A_request_counted_again_when_its_delivery_is_finished_twice_counts_once_on_every_copy()
    {
        var copies = _world.App.Services.GetRequiredService<MembershipCopies>();

        await copies.RecordAskedAsync(_helper.AadObjectId, "request-1", CancellationToken.None);
        await copies.RecordAskedAsync(_helper.AadObjectId, "request-1", CancellationToken.None);
        await copies.RecordAskedAsync(_helper.AadObjectId, "request-2", CancellationToken.None);

        Assert.All(await CopiesOfHelperAsync(), copy => Assert.Equal(2, copy.GetInt32("AskedInMonth")));
    }

    /// <summary>What could still write to the helper's copies after they left: a request card delivered, a refresh, the upgrade.</summary>
    private async Task LateWritesToTheHelpersCopiesAsync()
    {
        var copies = _world.App.Services.GetRequiredService<MembershipCopies>();
        await copies.RecordAskedAsync(_helper.AadObjectId, "late-request", CancellationToken.None);
        await copies.SetReachableAsync(_helper.AadObjectId, true, CancellationToken.None);
        foreach (var cohort in await StorageScan.RowsAsync(_world.App, "Cohorts"))
        {
            await copies.ChangeAsync(cohort.PartitionKey, _helper.AadObjectId, row =>
            {
                row.Reachable = true;
                return true;
            }, CancellationToken.None);
        }

        await _world.App.Services.GetRequiredService<MatchDataUpgrade>().UpgradeAsync(CancellationToken.None);
    }

    private async Task<IReadOnlyList<Azure.Data.Tables.TableEntity>> CopiesOfHelperAsync() =>
        [.. (await StorageScan.RowsAsync(_world.App, "CohortMembers")).Where(row => row.GetString("PersonKey") == _helper.AadObjectId)];

    private async Task<IReadOnlyList<string>> SuggestedAsync()
    {
        await _world.SayAsync(_asker, Ask);
        var card = _world.LastCardTo(_asker);
        return [.. (OnCard.ActionData(card, AskVerbs.SendAll)?["suggested"]?.GetValue<string>() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries)];
    }
}
