using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace PeerSupportBot.BotFramework.Authentication;

/// <summary>Registers inbound request authentication.</summary>
public static class AuthenticationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRequestAuthenticator"/> and the OpenID metadata it reads, a
    /// <see cref="TimeProvider"/> (the system clock unless one is registered already), and a
    /// start-up log line naming the authentication mode. Every refusal is answered 401.
    /// </summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(BotAuthenticationDefaults.MetadataHttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.TryAddSingleton<IRequestAuthenticator, BotFrameworkRequestAuthenticator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, AuthenticationModeLogger>());
        return services;
    }
}
