namespace PeerSupportBot.Matching;

internal static class MatchingServiceCollectionExtensions
{
    /// <summary>Topic detection and whom to suggest: from the cohorts' partitions and the pairs' history.</summary>
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddSingleton<TopicDetector>();
        services.AddHostedService<ClassifierWarmUp>();
        services.AddSingleton<PairHistory>();
        services.AddScoped<Matcher>();
        services.AddSingleton<MatchDataUpgrade>();
        services.AddHostedService(provider => provider.GetRequiredService<MatchDataUpgrade>());
        return services;
    }
}
