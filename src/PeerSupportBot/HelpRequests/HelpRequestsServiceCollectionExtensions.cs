using PeerSupportBot.Outbox;

namespace PeerSupportBot.HelpRequests;

internal static class HelpRequestsServiceCollectionExtensions
{
    /// <summary>The request lifecycle, its posts, and the sweep that keeps its deadlines.</summary>
    public static IServiceCollection AddHelpRequests(this IServiceCollection services)
    {
        services.AddOptions<HelpRequestOptions>().BindConfiguration(HelpRequestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HelpRequestStore>();
        services.AddSingleton<Deadlines>();
        services.AddScoped<HelpRequestCards>();
        services.AddScoped<RequestChanges>();
        services.AddOutboxComposer<RequestCardComposer>(HelpRequestPosts.Request);
        services.AddOutboxComposer<HelperCardComposer>(HelpRequestPosts.HelperCard);
        services.AddOutboxComposer<IntroductionComposer>(HelpRequestPosts.Introduction);
        services.AddOutboxComposer<NextCandidatesComposer>(HelpRequestPosts.NextCandidates);
        services.AddOutboxComposer<DidItHelpComposer>(HelpRequestPosts.DidItHelp);
        services.AddOutboxComposer<OtherSideLeftComposer>(HelpRequestPosts.OtherSideLeft);
        services.AddScoped<FollowUps>();
        services.AddScoped<DeadlineSweep>();
        services.AddHostedService<DeadlineSweepService>();

        return services.AddHelpRequestVerbs();
    }
}
