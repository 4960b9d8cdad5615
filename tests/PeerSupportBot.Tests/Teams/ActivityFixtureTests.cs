using System.Net;
using System.Text.Json;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Cards;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Teams;

/// <summary>
/// Activities exactly as Teams sends them (Teams/Fixtures, from the Teams documentation's
/// examples with made-up ids), replayed through POST /api/messages with Azurite behind it.
/// </summary>
public sealed class ActivityFixtureTests : IAsyncLifetime
{
    private FakeConnectorServer _connector = null!;
    private BotApplication _app = null!;

    public async Task InitializeAsync()
    {
        _connector = await FakeConnectorServer.StartAsync();
        _app = new BotApplication();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData("personal-install.json", "a:1fixture-personal-one")]
    [InlineData("team-install.json", "19:fixture-general-channel@thread.tacv2")]
    [InlineData("group-chat-install.json", "19:fixture-group-chat@thread.v2")]
    public async Task An_install_anywhere_answers_200_and_greets_there_once(string fixture, string conversationId)
    {
        var first = await PostAsync(fixture);
        var again = await PostAsync(fixture);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var greeting = Assert.Single(_connector.DeliveredActivities, activity => activity.Conversation?.Id == conversationId);
        Assert.Equal(BotText.Get<PeerSupportBot.Welcome.WelcomeText>("Title", "fi"), CardJson.Heading(greeting.SingleCard()));
    }

    [Theory]
    [InlineData("personal-uninstall.json")]
    [InlineData("team-member-added.json")]
    [InlineData("message-reaction.json")]
    public async Task Events_that_need_no_answer_get_200_and_post_nothing(string fixture)
    {
        var response = await PostAsync(fixture);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.DeliveredActivities);
    }

    [Fact]
    public async Task An_at_mention_in_a_channel_thread_answers_in_that_thread()
    {
        var response = await PostAsync("channel-thread-mention.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_connector.DeliveredActivities);
        Assert.Equal("19:fixture-general-channel@thread.tacv2;messageid=1732949000000", reply.Conversation?.Id);
        Assert.Equal(BotText.Get<PeerSupportBot.Welcome.WelcomeText>("Title", "fi"), CardJson.Heading(reply.SingleCard()));
    }

    [Fact]
    public async Task A_pressed_button_answers_200_with_the_card_that_replaces_it()
    {
        var response = await PostAsync("invoke-manual.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(BotText.Get<PeerSupportBot.Asking.AskText>("DiscardedTitle", "fi"), CardJson.Heading(body.RootElement.GetProperty("value")));
    }

    [Theory]
    [InlineData("invoke-automatic.json")]
    [InlineData("invoke-automatic-accept.json")]
    public async Task A_refresh_answers_200_and_changes_nothing(string fixture)
    {
        var response = await PostAsync(fixture);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        foreach (var table in await StorageScan.TablesAsync(_app))
        {
            Assert.Empty(await StorageScan.RowsAsync(_app, table[_app.TablePrefix.Length..]));
        }

        Assert.Empty(_connector.DeliveredActivities);
    }

    private async Task<HttpResponseMessage> PostAsync(string fixture)
    {
        var json = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Teams", "Fixtures", fixture)))
            .Replace("{{serviceUrl}}", _connector.ServiceUrl.ToString(), StringComparison.Ordinal);
        var activity = JsonSerializer.Deserialize(json, BotFrameworkJsonContext.Default.Activity)!;
        return await _app.PostActivityAsync(activity);
    }
}
