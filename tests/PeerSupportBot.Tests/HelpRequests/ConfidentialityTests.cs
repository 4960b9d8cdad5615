using System.Net;
using PeerSupportBot.Asking;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.HelpRequests;

/// <summary>Nothing a supervisor confides reaches Table Storage or a log line, at any level.</summary>
public sealed class ConfidentialityTests : IAsyncLifetime
{
    private readonly TeamsWorld _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task A_full_loop_leaves_the_problem_text_in_no_table_and_no_log_line()
    {
        var marker = "Salaisuus-" + Guid.NewGuid().ToString("N")[..10];
        var problem = $"Muutosneuvotteluissa {marker}: miten kerron tiimille irtisanomisista?";
        var trainer = _world.Person("Kaisa Kouluttaja");
        var code = await _world.CohortAsync(trainer, "Valmennus");
        var asker = _world.Person("Aino Esihenkilö");
        var helper = _world.Person("Helmi Auttaja");
        var other = _world.Person("Heikki Neuvoja");
        await _world.JoinAsync(asker, code, "wellbeing");
        await _world.JoinAsync(helper, code, "change-negotiations");
        await _world.JoinAsync(other, code, "change-negotiations");

        await _world.SayAsync(asker, problem);
        var askCard = _world.LastCardTo(asker);
        Assert.True(OnCard.Shows(askCard, marker));
        await _world.PressAsync(asker, askCard, AskVerbs.Refresh, new Dictionary<string, string> { ["topics"] = "change-negotiations", ["problem"] = problem });
        var sent = await _world.PressAsync(asker, _world.LastCardTo(asker), AskVerbs.SendAll, new Dictionary<string, string>
        {
            ["topics"] = "change-negotiations",
            ["problem"] = problem,
            ["share"] = ShareChoices.Text,
        });
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.True(OnCard.Shows(_world.LastCardTo(helper), marker));
        await _world.PressAsync(other, _world.LastCardTo(other), HelpRequestVerbs.Decline);
        await _world.PressAsync(helper, _world.LastCardTo(helper), HelpRequestVerbs.Accept);
        await _world.SayAsync(asker, "omat tietoni");
        await _world.SayAsync(asker, problem.ToUpperInvariant(), inGroup: true);

        Assert.Empty(await StorageScan.RowsMentioningAsync(_world.App, marker));
        var requestRows = await StorageScan.RowsAsync(_world.App, "HelpRequests");
        Assert.NotEmpty(requestRows);
        Assert.All(requestRows.SelectMany(row => row.Select(pair => pair.Value)).OfType<string>(), value =>
            Assert.DoesNotContain(new[] { asker.Name, helper.Name, other.Name, "irtisanomisista" }, name => value.Contains(name, StringComparison.Ordinal)));
        var lines = _world.App.Logs.GetSnapshot();
        Assert.NotEmpty(lines);
        Assert.DoesNotContain(lines, line =>
            line.Message.Contains(marker, StringComparison.OrdinalIgnoreCase)
            || (line.Exception?.ToString().Contains(marker, StringComparison.OrdinalIgnoreCase) ?? false)
            || (line.StructuredState?.Any(pair => pair.Value?.Contains(marker, StringComparison.OrdinalIgnoreCase) == true) ?? false));
        Assert.DoesNotContain(_world.SentTo(_world.GroupChatId), activity => activity.Text?.Contains(marker, StringComparison.Ordinal) == true);
    }
}
