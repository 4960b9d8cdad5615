using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PeerSupportBot.BotFramework.Authentication;
using PeerSupportBot.BotFramework.Connector;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Tests.Authentication;

/// <summary>
/// The real /api/messages endpoint on a TestServer, with OpenID metadata served by a
/// <see cref="FakeOpenIdProvider"/>, a fake clock and a handler that records what reached it.
/// </summary>
internal sealed class BotTestHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private readonly string tenant;

    private BotTestHost(WebApplication app, FakeTimeProvider clock, string tenant)
    {
        this.app = app;
        this.tenant = tenant;
        Clock = clock;
    }

    public FakeTimeProvider Clock { get; }

    public ActivityRecorder Handled => app.Services.GetRequiredService<ActivityRecorder>();

    public FakeLogCollector Logs => app.Services.GetFakeLogCollector();

    /// <summary>
    /// Starts a bot; a null <paramref name="appId"/> starts it in local development mode, which
    /// only the Development environment allows (the default <paramref name="environment"/> then).
    /// </summary>
    public static async Task<BotTestHost> StartAsync(FakeOpenIdProvider provider, string? appId = TestTokens.AppId, string? tenantId = null, string? environment = null, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment ?? (appId is null ? "Development" : "Testing") });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = tenantId is null ? "MultiTenant" : "SingleTenant",
            ["MicrosoftAppId"] = appId ?? "",
            ["MicrosoftAppPassword"] = appId is null ? "" : "not-a-real-secret",
            ["MicrosoftAppTenantId"] = tenantId ?? "",
            ["ToBotFromChannelOpenIdMetadataUrl"] = FakeOpenIdProvider.ChannelMetadataUrl.AbsoluteUri,
            ["ToBotFromEmulatorOpenIdMetadataUrl"] = FakeOpenIdProvider.EntraMetadataUrl.AbsoluteUri,
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddFakeLogging();

        var clock = new FakeTimeProvider(TestTokens.Now);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<ActivityRecorder>();
        builder.Services.AddBotFramework<RecordingActivityHandler>();
        builder.Services.AddHttpClient(BotAuthenticationDefaults.MetadataHttpClientName)
            .ConfigurePrimaryHttpMessageHandler(provider.CreateHandler);
        // Until the connector helper's AddBotConnector registers the real client.
        builder.Services.AddSingleton(new Mock<IConnectorClient>(MockBehavior.Strict).Object);

        var app = builder.Build();
        app.MapBotMessages();
        await app.StartAsync();
        // A single-tenant bot serves only its own tenant, so its activities come from there.
        return new BotTestHost(app, clock, tenantId ?? "0b1a9f3e-0000-4000-8000-0000000000aa");
    }

    /// <summary>POSTs a Teams message activity for <see cref="TestTokens.ServiceUrl"/> and returns the status code.</summary>
    public async Task<int> PostAsync(string? authorization, IPAddress? remoteAddress = null, string serviceUrl = TestTokens.ServiceUrl, string channelId = "msteams", IDictionary<string, string>? headers = null)
    {
        var body = Encoding.UTF8.GetBytes($$$"""
            {"type":"message","id":"1","channelId":"{{{channelId}}}","serviceUrl":"{{{serviceUrl}}}",
             "conversation":{"id":"a:conversation","tenantId":"{{{tenant}}}"},"from":{"id":"29:user"},"recipient":{"id":"28:{{{TestTokens.AppId}}}"},
             "channelData":{"tenant":{"id":"{{{tenant}}}"}},"text":"hello"}
            """);
        var context = await app.GetTestServer().SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Post;
            http.Request.Path = "/api/messages";
            http.Request.ContentType = "application/json";
            http.Request.ContentLength = body.Length;
            http.Request.Body = new MemoryStream(body);
            if (authorization is not null)
            {
                http.Request.Headers.Authorization = authorization;
            }

            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                http.Request.Headers[name] = value;
            }

            http.Connection.RemoteIpAddress = remoteAddress;
        });
        return context.Response.StatusCode;
    }

    /// <summary>The reasons the endpoint logged for refusing requests.</summary>
    public IReadOnlyList<string> RefusalReasons() =>
        [.. Logs.GetSnapshot()
            .Where(record => record.Id.Id == 1003)
            .Select(record => record.StructuredState!.Single(pair => pair.Key == "Reason").Value!)];

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}

/// <summary>What reached the activity handler.</summary>
internal sealed class ActivityRecorder
{
    private readonly ConcurrentQueue<Activity> activities = new();

    public IReadOnlyCollection<Activity> Activities => activities;

    public void Add(Activity activity) => activities.Enqueue(activity);
}

internal sealed class RecordingActivityHandler(ActivityRecorder recorder) : IActivityHandler
{
    public Task<InvokeResponse?> OnTurnAsync(TurnContext turn, Func<CancellationToken, Task<InvokeResponse?>> handle, CancellationToken cancellationToken)
    {
        recorder.Add(turn.Activity);
        return Task.FromResult<InvokeResponse?>(null);
    }
}
