using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace PeerSupportBot.BotFramework.Connector;

/// <summary>An access token and when it stops being valid.</summary>
internal readonly record struct BotAccessToken(string Value, DateTimeOffset ExpiresOn);

/// <summary>Where outbound tokens come from; <see cref="CachingBotTokenProvider"/> decides when to ask.</summary>
internal interface IBotTokenSource
{
    /// <summary>A short name for logs, never a secret.</summary>
    string Name { get; }

    Task<BotAccessToken> AcquireAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Client credentials with the app's secret (MultiTenant and SingleTenant): authority
/// ToChannelFromBotLoginUrl for multi-tenant, the same host with the bot's tenant for single
/// tenant, scope "{ToChannelFromBotOAuthScope}/.default".
/// </summary>
internal sealed class ClientSecretTokenSource : IBotTokenSource
{
    private readonly IConfidentialClientApplication _application;
    private readonly string[] _scopes;

    public ClientSecretTokenSource(BotFrameworkOptions options)
    {
        _application = ConfidentialClientApplicationBuilder
            .Create(options.MicrosoftAppId)
            .WithClientSecret(options.MicrosoftAppPassword)
            .WithAuthority(Authority(options).AbsoluteUri)
            .Build();
        _scopes = [DefaultScope(options.ToChannelFromBotOAuthScope)];
    }

    public string Name => "client secret";

    public async Task<BotAccessToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var result = await _application.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken);
        return new BotAccessToken(result.AccessToken, result.ExpiresOn);
    }

    /// <summary>
    /// Multi-tenant bots ask the Bot Framework tenant; single-tenant bots their own, on the same
    /// login host so a sovereign-cloud login URL carries over.
    /// </summary>
    internal static Uri Authority(BotFrameworkOptions options) =>
        options.MicrosoftAppType == BotAppType.SingleTenant
            ? new Uri(options.ToChannelFromBotLoginUrl, "/" + Uri.EscapeDataString(options.MicrosoftAppTenantId ?? string.Empty))
            : options.ToChannelFromBotLoginUrl;

    internal static string DefaultScope(string scope) =>
        scope.EndsWith("/.default", StringComparison.OrdinalIgnoreCase) ? scope : scope.TrimEnd('/') + "/.default";
}

/// <summary>A user-assigned managed identity, identified by its client id, asking for the connector resource.</summary>
internal sealed class ManagedIdentityTokenSource : IBotTokenSource
{
    private readonly IManagedIdentityApplication _application;
    private readonly string _resource;

    public ManagedIdentityTokenSource(BotFrameworkOptions options)
    {
        _application = ManagedIdentityApplicationBuilder
            .Create(ManagedIdentityId.WithUserAssignedClientId(options.MicrosoftAppId))
            .Build();
        _resource = Resource(options.ToChannelFromBotOAuthScope);
    }

    public string Name => "managed identity";

    public async Task<BotAccessToken> AcquireAsync(CancellationToken cancellationToken)
    {
        var result = await _application.AcquireTokenForManagedIdentity(_resource).ExecuteAsync(cancellationToken);
        return new BotAccessToken(result.AccessToken, result.ExpiresOn);
    }

    // Managed identity asks for a resource, not a scope: "https://api.botframework.com".
    internal static string Resource(string scope) =>
        scope.EndsWith("/.default", StringComparison.OrdinalIgnoreCase) ? scope[..^"/.default".Length] : scope.TrimEnd('/');
}

/// <summary>Local development: no token, so no Authorization header at all.</summary>
internal sealed class LocalDevelopmentTokenProvider : IBotTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}
