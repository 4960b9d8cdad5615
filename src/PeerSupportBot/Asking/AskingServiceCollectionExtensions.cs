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

        services.AddBotCommand<AskCommand, AskText>("kysy", "ask", "AskDescription");
        services.AddCardAction<SendAskAction>(AskVerbs.Send);
        services.AddCardAction<SendAskAction>(AskVerbs.SendAll);
        services.AddCardAction<RefreshAskAction>(AskVerbs.Refresh, answersRefresh: true);
        services.AddCardAction<DiscardAskAction>(AskVerbs.Discard);
        return services;
    }
}
