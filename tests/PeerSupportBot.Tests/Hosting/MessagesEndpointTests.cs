using System.Net;
using System.Text;
using System.Text.Json;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Hosting;

public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private readonly BotApplication _app = new();
    private FakeConnectorServer _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnectorServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData("{ this is not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{\"type\": 42}")]
    [InlineData("{\"type\": \"message\", \"text\": \"no service url or conversation\"}")]
    [InlineData("")]
    public async Task A_body_that_is_not_an_activity_gets_400(string body)
    {
        using var client = _app.CreateClient();

        var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task An_oversized_body_gets_413()
    {
        var activity = TeamsActivities.Message(_connector.ServiceUrl, new string('x', 300 * 1024));
        using var client = _app.CreateClient();

        var response = await client.PostAsync("/api/messages",
            new StringContent(JsonSerializer.Serialize(activity, BotFrameworkJsonContext.Default.Activity), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task An_oversized_body_sent_without_a_length_gets_413()
    {
        var activity = TeamsActivities.Message(_connector.ServiceUrl, new string('x', 300 * 1024));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(activity, BotFrameworkJsonContext.Default.Activity);
        using var client = _app.CreateClient();
        using var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new("application/json");
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("typing")]
    [InlineData("somethingNew")]
    public async Task Activity_types_the_bot_does_not_handle_get_200_and_are_ignored(string type)
    {
        var activity = TeamsActivities.Base(_connector.ServiceUrl, type, "fi-FI", ConversationTypes.Personal);

        var response = await _app.PostActivityAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task A_Teams_event_the_bot_does_not_handle_gets_200_and_is_ignored()
    {
        var renamed = TeamsActivities.Base(_connector.ServiceUrl, ActivityTypes.ConversationUpdate, "fi-FI", ConversationTypes.Channel);
        renamed.ChannelData = JsonSerializer.SerializeToElement(new TeamsChannelData
        {
            EventType = "channelRenamed",
            Tenant = new TenantInfo { Id = TeamsActivities.TenantId },
            Channel = new ChannelInfo { Id = renamed.Conversation!.Id, Name = "Kurssi" },
        }, BotFrameworkJsonContext.Default.TeamsChannelData);

        var response = await _app.PostActivityAsync(renamed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Requests);
    }

    [Fact]
    public async Task An_invoke_name_the_bot_does_not_handle_answers_501_as_the_bot_framework_sdk_does()
    {
        // The app package declares no messaging extension, so Teams never sends this one.
        var invoke = TeamsActivities.Base(_connector.ServiceUrl, ActivityTypes.Invoke, "fi-FI", ConversationTypes.Personal);
        invoke.Name = "composeExtension/query";

        var response = await _app.PostActivityAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }
}
