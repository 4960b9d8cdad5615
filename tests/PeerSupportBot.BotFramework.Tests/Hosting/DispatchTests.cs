using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Tests.Hosting;

public sealed class DispatchTests : IAsyncLifetime
{
    private WebApplication _app = null!;

    private CallRecorder Calls => _app.Services.GetRequiredService<CallRecorder>();

    public async Task InitializeAsync()
    {
        // No app id: the loopback-only development mode, which only Development allows.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<CallRecorder>();
        builder.Services.AddBotFramework<EchoingHandler>();
        _app = builder.Build();
        _app.MapBotMessages();
        await _app.StartAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("""{"type":"message","text":"hei"}""", "message")]
    [InlineData("""{"type":"conversationUpdate","membersAdded":[{"id":"28:bot"}]}""", "conversationUpdate")]
    [InlineData("""{"type":"installationUpdate","action":"add"}""", "installationUpdate")]
    public async Task Each_activity_type_reaches_its_handler_method(string fields, string expectedCall)
    {
        var (status, _) = await PostAsync(fields);

        Assert.Equal(200, status);
        Assert.Equal([expectedCall], Calls.Calls);
    }

    [Fact]
    public async Task An_Action_Execute_invoke_answers_with_the_handler_card_as_the_response_body()
    {
        var (status, body) = await PostAsync("""
            {"type":"invoke","name":"adaptiveCard/action",
             "value":{"action":{"type":"Action.Execute","verb":"join","data":{"cohort":"k-42"}},"trigger":"manual"}}
            """);

        Assert.Equal(200, status);
        Assert.Equal(["adaptiveCard/action join k-42"], Calls.Calls);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(200, json.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", json.RootElement.GetProperty("type").GetString());
        Assert.Equal("joined k-42", json.RootElement.GetProperty("value").GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("""{"type":"invoke","name":"adaptiveCard/action","value":{"action":{"type":"Action.Submit"}}}""")]
    [InlineData("""{"type":"invoke","name":"adaptiveCard/action","value":"not an object"}""")]
    [InlineData("""{"type":"invoke","name":"adaptiveCard/action"}""")]
    [InlineData("""{"type":"invoke","name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute","data":{}}}}""")]
    [InlineData("""{"type":"invoke","name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute","verb":""}}}""")]
    public async Task A_malformed_adaptive_card_invoke_answers_http_200_with_a_400_error_in_the_body(string fields)
    {
        var (status, body) = await PostAsync(fields);

        Assert.Equal(200, status);
        Assert.Empty(Calls.Calls);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(400, json.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", json.RootElement.GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("manual", "adaptiveCard/action join k-42")]
    [InlineData("automatic", "adaptiveCard/action join k-42 (automatic)")]
    public async Task The_handler_learns_whether_a_person_pressed_or_the_client_refreshed(string trigger, string expectedCall)
    {
        var (status, _) = await PostAsync($$$"""
            {"type":"invoke","name":"adaptiveCard/action",
             "value":{"action":{"type":"Action.Execute","verb":"join","data":{"cohort":"k-42"}},"trigger":"{{{trigger}}}"}}
            """);

        Assert.Equal(200, status);
        Assert.Equal([expectedCall], Calls.Calls);
    }

    [Theory]
    [InlineData("""{"type":"invoke","name":"composeExtension/query","value":{}}""")]
    [InlineData("""{"type":"invoke","name":"task/fetch","value":{}}""")]
    public async Task An_invoke_name_nobody_handles_answers_501_as_the_bot_framework_sdk_does(string fields)
    {
        var (status, _) = await PostAsync(fields);

        Assert.Equal(501, status);
        Assert.Empty(Calls.Calls);
    }

    [Theory]
    [InlineData("""{"type":"messageReaction","reactionsAdded":[{"type":"like"}]}""")]
    [InlineData("""{"type":"event","name":"application/vnd.microsoft.meetingStart"}""")]
    [InlineData("""{"type":"aBrandNewType"}""")]
    public async Task Activities_the_bot_does_not_know_get_200_and_reach_no_handler_method(string fields)
    {
        var (status, _) = await PostAsync(fields);

        Assert.Equal(200, status);
        Assert.Empty(Calls.Calls);
    }

    private async Task<(int Status, string Body)> PostAsync(string fields)
    {
        // Merge the test's fields into an otherwise complete Teams activity.
        var activity = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>("""
            {"id":"1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/",
             "conversation":{"id":"a:1"},"from":{"id":"29:1"},"recipient":{"id":"28:bot"}}
            """)!;
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(fields)!)
        {
            activity[key] = value;
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(activity);
        var context = await _app.GetTestServer().SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Post;
            http.Request.Path = "/api/messages";
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(bytes);
            http.Connection.RemoteIpAddress = IPAddress.Loopback;
        });
        using var reader = new StreamReader(context.Response.Body, Encoding.UTF8);
        return (context.Response.StatusCode, await reader.ReadToEndAsync());
    }

    private sealed class CallRecorder
    {
        private readonly ConcurrentQueue<string> _calls = new();

        public IReadOnlyCollection<string> Calls => _calls;

        public void Add(string call) => _calls.Enqueue(call);
    }

    private sealed class EchoingHandler(CallRecorder calls) : IActivityHandler
    {
        public Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            calls.Add("message");
            return Task.CompletedTask;
        }

        public Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            calls.Add("conversationUpdate");
            return Task.CompletedTask;
        }

        public Task OnInstallationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
        {
            calls.Add("installationUpdate");
            return Task.CompletedTask;
        }

        public Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, AdaptiveCardInvokeAction action, bool automatic, CancellationToken cancellationToken)
        {
            var cohort = action.Data?.GetProperty("cohort").GetString();
            calls.Add($"adaptiveCard/action {action.Verb} {cohort}" + (automatic ? " (automatic)" : ""));
            var card = new AdaptiveCard { Body = [new TextBlock { Text = $"joined {cohort}" }] };
            return Task.FromResult(AdaptiveCardResponses.Card(card));
        }
    }
}
