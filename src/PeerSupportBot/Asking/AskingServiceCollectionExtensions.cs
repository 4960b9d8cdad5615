using PeerSupportBot.Conversation;

namespace PeerSupportBot.Asking;

internal static class AskingServiceCollectionExtensions
{
    /// <summary>"Has anyone faced this?": the ask card, its buttons, and the limit on asks.</summary>
    public static IServiceCollection AddAsking(this IServiceCollection services)
    {
        services.AddScoped<AskCards>();
        services.AddScoped<AskStarter>();
        services.AddSingleton<AskThrottle>();

        return services.AddAskVerbs();
    }
}
