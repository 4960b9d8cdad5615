using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PeerSupportBot.BotFramework.Authentication;
using PeerSupportBot.BotFramework.Connector;

namespace PeerSupportBot.BotFramework.Hosting;

/// <summary>Registers the protocol layer.</summary>
public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="BotFrameworkOptions"/> from the configuration root (MicrosoftAppId, …),
    /// validates them at start-up, and registers inbound authentication, the tenant allow-list,
    /// the connector client and <typeparamref name="THandler"/> as the activity handler.
    /// </summary>
    public static IServiceCollection AddBotFramework<THandler>(this IServiceCollection services)
        where THandler : class, IActivityHandler
    {
        services.AddOptions<BotFrameworkOptions>()
            .BindConfiguration(string.Empty)
            .Validate(BotFrameworkOptionsValidation.IsValid, BotFrameworkOptionsValidation.Requirements)
            .Validate<IHostEnvironment>(BotFrameworkOptionsValidation.IsAllowedIn, BotFrameworkOptionsValidation.DevelopmentModeRequirement)
            .ValidateOnStart();
        services.AddBotAuthentication();
        services.AddSingleton<TenantAllowList>();
        services.AddBotConnector();
        services.AddScoped<IActivityHandler, THandler>();
        return services;
    }
}
