using PeerSupportBot.Outbox;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.Cohorts;

internal static class CohortsServiceCollectionExtensions
{
    public static IServiceCollection AddCohorts(this IServiceCollection services)
    {
        services.AddOptions<CohortOptions>().BindConfiguration(CohortOptions.Section).ValidateOnStart();
        services.AddSingleton<CohortStore>();
        services.AddSingleton<MembershipCopies>();
        services.AddSingleton<JoinThrottle>();
        services.AddSingleton<JoinTickets>();
        services.AddScoped<CohortCards>();
        services.AddScoped<CohortCreation>();
        services.AddScoped<CohortDeletion>();
        services.AddOutboxComposer<CohortNotices>(CohortNotices.Kind);
        services.AddScoped<JoinFlow>();

        return services.AddCohortVerbs();
    }
}
