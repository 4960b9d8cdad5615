using Microsoft.Extensions.DependencyInjection;

namespace PeerSupportBot.BotFramework.Authentication;

/// <summary>Registers inbound request authentication.</summary>
public static class AuthenticationServiceCollectionExtensions
{
    /// <summary>Registers <see cref="IRequestAuthenticator"/> and the OpenID metadata it reads.</summary>
    public static IServiceCollection AddBotAuthentication(this IServiceCollection services)
    {
        // TODO(auth helper): register the real authenticator here.
        return services;
    }
}
