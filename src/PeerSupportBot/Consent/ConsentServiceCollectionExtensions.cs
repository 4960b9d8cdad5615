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

        services.AddBotCommand<MyTopicsCommand, ConsentText>("aiheeni", "my topics", "MyTopicsDescription");
        services.AddBotCommand<PauseCommand, ConsentText>("tauko", "pause", "PauseDescription");
        services.AddBotCommand<ResumeCommand, ConsentText>("jatka", "resume", "ResumeDescription");
        services.AddBotCommand<MyDataCommand, ConsentText>("omat tietoni", "my data", "MyDataDescription");
        services.AddBotCommand<ForgetMeCommand, ConsentText>("unohda minut", "forget me", "ForgetMeDescription");
        services.AddBotCommand<WithdrawCommand, ConsentText>("peru suostumus", "withdraw", "WithdrawDescription");
        services.AddBotCommand<MyCohortsCommand, ConsentText>("eroa", "leave", "LeaveDescription");

        services.AddCardAction<GiveConsentAction>(ConsentVerbs.Give);
        services.AddCardAction<DeclineConsentAction>(ConsentVerbs.Decline);
        services.AddCardAction<SaveTopicsAction>(ConsentVerbs.SaveTopics);
        services.AddCardAction<SaveAvailabilityAction>(ConsentVerbs.SaveAvailability);
        services.AddCardAction<WithdrawAllAction>(ConsentVerbs.WithdrawAll);
        services.AddCardAction<ForgetAction>(ConsentVerbs.Forget);
        services.AddCardAction<KeepDataAction>(ConsentVerbs.KeepData);
        services.AddCardAction<LeaveAction>(CohortVerbs.Leave);
        return services;
    }
}
