using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PeerSupportBot.BotFramework.Telemetry;

namespace PeerSupportBot.BotFramework.Connector;

/// <summary>Registers the connector client.</summary>
public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IConnectorClient"/> as a typed HttpClient wrapped, outermost first, in
    /// the resilience handler (total timeout, retries, attempt timeout) and the token handler, so
    /// each attempt carries a current bearer token. Binds <see cref="ConnectorOptions"/> from the
    /// section <c>Connector</c>, validated at start-up. The token provider follows
    /// <see cref="BotFrameworkOptions.MicrosoftAppType"/>: none in local development (no app id),
    /// a client secret for MultiTenant and SingleTenant, a managed identity for UserAssignedMSI.
    /// An <see cref="IBotTokenProvider"/> registered before this call is kept.
    /// </summary>
    public static IServiceCollection AddBotConnector(this IServiceCollection services)
    {
        services.AddOptions<ConnectorOptions>()
            .BindConfiguration(ConnectorOptions.SectionName)
            .Validate(ConnectorOptionsValidation.IsValid, ConnectorOptionsValidation.Requirements)
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<BotFrameworkMetrics>();
        services.TryAddSingleton(CreateTokenProvider);
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.TryAddTransient<BotTokenHandler>();

        // Handlers run in the order added: the resilience handler outside, the token handler
        // inside it, so every attempt asks for a token.
        var client = services.AddHttpClient<IConnectorClient, ConnectorClient>(client =>
        {
            // The resilience pipeline owns the timeouts; HttpClient's own would cut across retries.
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        client.AddResilienceHandler(ConnectorResilience.PipelineName, ConnectorResilience.Configure);
        client.AddHttpMessageHandler<BotTokenHandler>();

        // The default HttpClient log lines carry the full URI, and the URI carries conversation
        // and member ids: who is in a chat with this bot is itself confidential. The connector's
        // own lines (Log, 3000s) name the operation and outcome instead. Should anyone add the
        // default logger back, the bearer token still stays out of it.
        client.RemoveAllLoggers();
        client.RedactLoggedHeaders([HeaderNames.Authorization]);

        return services;
    }

    private static IBotTokenProvider CreateTokenProvider(IServiceProvider services)
    {
        var bot = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        if (bot.IsLocalDevelopment)
        {
            return new LocalDevelopmentTokenProvider();
        }

        IBotTokenSource source = bot.MicrosoftAppType == BotAppType.UserAssignedMSI
            ? new ManagedIdentityTokenSource(bot)
            : new ClientSecretTokenSource(bot);
        return new CachingBotTokenProvider(
            source,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IOptions<ConnectorOptions>>(),
            services.GetRequiredService<ILogger<CachingBotTokenProvider>>());
    }
}
