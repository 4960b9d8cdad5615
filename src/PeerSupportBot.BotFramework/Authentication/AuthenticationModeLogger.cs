using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PeerSupportBot.BotFramework.Authentication;

/// <summary>
/// Says once, at start-up, how inbound requests are authenticated and which tenants are served,
/// so a deployment that forgot its MicrosoftAppId is visible in the log before the first request is refused.
/// </summary>
internal sealed class AuthenticationModeLogger(IOptions<BotFrameworkOptions> options, Hosting.TenantAllowList tenants, ILogger<AuthenticationModeLogger> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.IsLocalDevelopment)
        {
            Log.LoopbackOnlyDevelopmentMode(logger);
        }
        else
        {
            Log.ValidatingTokens(logger, settings.MicrosoftAppId!, settings.ToBotFromChannelOpenIdMetadataUrl, settings.ToBotFromEmulatorOpenIdMetadataUrl);
        }

        if (tenants.AllowsAny)
        {
            Log.ServingAnyTenant(logger);
        }
        else
        {
            Log.ServingTenants(logger, string.Join(", ", tenants.Tenants.Order(StringComparer.OrdinalIgnoreCase)));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
