using PeerSupportBot.Conversation;

namespace PeerSupportBot.Welcome;

internal static class WelcomeServiceCollectionExtensions
{
    public static IServiceCollection AddWelcome(this IServiceCollection services)
    {
        services.AddSingleton<InstallationStore>();
        services.AddScoped<WelcomeCards>();
        services.AddScoped<WelcomeHandler>();
        services.AddBotCommand<HelpCommand, WelcomeText>("ohje", "help", "HelpDescription", CommandScopes.Everywhere);
        return services;
    }
}
