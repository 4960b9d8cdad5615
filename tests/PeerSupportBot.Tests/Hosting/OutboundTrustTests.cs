using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PeerSupportBot.BotFramework.Authentication;
using PeerSupportBot.BotFramework.Connector;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Hosting;

/// <summary>The bot's token goes to Teams' connector hosts only, whatever serviceUrl an activity names.</summary>
public sealed class OutboundTrustTests : IAsyncLifetime
{
    private readonly CountingTokens _tokens = new();
    private FakeConnectorServer _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeConnectorServer.StartAsync();

    public async Task DisposeAsync() => await _connector.DisposeAsync();

    [Fact]
    public async Task A_bot_with_an_app_id_answers_an_activity_naming_a_foreign_service_url_without_calling_it()
    {
        await using var app = new BotApplication(
            new Dictionary<string, string?> { ["MicrosoftAppId"] = "00000000-0000-0000-0000-0000000000b0", ["MicrosoftAppPassword"] = "not-a-real-secret" },
            configureServices: services =>
            {
                // Inbound checks are tested elsewhere; here every request passes, so only the
                // outbound rule stands between the bot's token and the named host.
                services.RemoveAll<IRequestAuthenticator>();
                services.AddSingleton<IRequestAuthenticator, AcceptEveryRequest>();
                services.RemoveAll<IBotTokenProvider>();
                services.AddSingleton<IBotTokenProvider>(_tokens);
            });

        var response = await app.PostActivityAsync(TeamsActivities.Message(_connector.ServiceUrl, "ohje"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(_connector.Requests);
        Assert.Equal(0, _tokens.Calls);
    }

    private sealed class AcceptEveryRequest : IRequestAuthenticator
    {
        public Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, RequestOrigin origin, CancellationToken cancellationToken = default) =>
            Task.FromResult(AuthenticationOutcome.Success(new ClaimsIdentity("test")));
    }

    private sealed class CountingTokens : IBotTokenProvider
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return ValueTask.FromResult<string?>("a-token-that-must-stay-home");
        }
    }
}
