namespace PeerSupportBot.Matching;

internal static class MatchingServiceCollectionExtensions
{
    /// <summary>Topic detection and whom to suggest: the colleagues' load and the pairs' history.</summary>
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddSingleton<TopicDetector>();
        services.AddSingleton<HelperLoadStore>();
        services.AddSingleton<PairHistory>();
        services.AddScoped<Matcher>();
        return services;
    }
}
