using System.Net;
using System.Text.Json;
using PeerSupportBot.Conversation;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Faults;

/// <summary>
/// Storage down or frozen: every turn still answers Teams, and the person is told in their
/// language to try again, well inside the 15 s Teams waits.
/// </summary>
public sealed class StorageFaultTests : IAsyncLifetime
{
    // Far above the bound (8 s turn budget) and far below the test run's patience.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    private FakeConnectorServer _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnectorServer.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Theory]
    [InlineData("fi-FI", "omat tietoni", "fi")]
    [InlineData("en-US", "my data", "en")]
    public async Task With_storage_stopped_a_turn_tells_the_person_to_try_again_in_their_language(string locale, string text, string language)
    {
        var closedPort = Azurite.FreePort();
        await using var app = Unreachable(Azurite.ConnectionStringFor(closedPort, closedPort));

        await AssertApologisesAsync(app, locale, text, language);
    }

    [Fact]
    public async Task With_storage_hanging_a_turn_still_answers_and_apologises_before_the_channel_gives_up()
    {
        await using var frozen = new HangingListener();
        await using var app = Unreachable(Azurite.ConnectionStringFor(frozen.Port, frozen.Port));

        await AssertApologisesAsync(app, "fi-FI", "omat tietoni", "fi");
        Assert.True(frozen.Accepted > 0);
    }

    [Fact]
    public async Task Healthz_names_each_store_it_sees()
    {
        await using var healthy = new BotApplication();
        using var client = healthy.CreateClient();
        using var body = JsonDocument.Parse(await client.GetStringAsync("/healthz"));

        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("table-storage").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("queue-storage").GetString());
    }

    private static BotApplication Unreachable(string connectionString) =>
        new(new Dictionary<string, string?> { ["Storage:ConnectionString"] = connectionString }, runSweep: false, runOutbox: false);

    private async Task AssertApologisesAsync(BotApplication app, string locale, string text, string language)
    {
        using var patience = new CancellationTokenSource(Patience);

        var response = await app.PostActivityAsync(TeamsActivities.Message(_connector.ServiceUrl, text, locale), patience.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var told = Assert.Single(_connector.SentActivities);
        Assert.Equal(BotText.Get<ConversationText>("TryAgainShortly", language), told.Text);
    }
}
