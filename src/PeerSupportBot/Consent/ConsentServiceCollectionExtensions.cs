using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;
using PeerSupportBot.Conversation;
using PeerSupportBot.Outbox;

namespace PeerSupportBot.Consent;

internal static class ConsentServiceCollectionExtensions
{
    public static IServiceCollection AddConsent(this IServiceCollection services)
    {
        services.AddSingleton<ProfileStore>();
        services.AddSingleton<ConsentLog>();
        services.AddScoped<ProfileUpdates>();
        services.AddScoped<ForgetMe>();
        services.AddScoped<DurableForgetMe>();
        services.AddOutboxJob<ForgetMeJob>(ForgetMeJob.Kind);
        services.AddScoped<Leaving>();
        services.AddScoped<ConsentCards>();

        return services.AddConsentVerbs();
    }
}
