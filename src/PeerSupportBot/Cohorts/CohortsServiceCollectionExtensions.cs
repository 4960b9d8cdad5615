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

        services.AddBotCommand<NewCohortCommand, CohortText>("uusi ryhmä", "new cohort", "NewCohortDescription");
        services.AddBotCommand<MyCohortsCommand, CohortText>("omat ryhmät", "my cohorts", "MyCohortsDescription");
        services.AddBotCommand<JoinCommand, CohortText>("liity", "join", "JoinDescription");
        services.AddBotCommand<InviteCommand, CohortText>("kutsu", "invite", "InviteDescription", CommandScopes.Group);

        services.AddCardAction<CreateCohortAction>(CohortVerbs.Create);
        services.AddCardAction<InviteAction>(CohortVerbs.Invite);
        services.AddCardAction<JoinAction>(CohortVerbs.Join);
        services.AddCardAction<MembersAction>(CohortVerbs.Members);
        services.AddCardAction<RemoveMemberAction>(CohortVerbs.RemoveMember);
        services.AddCardAction<RotateCodeAction>(CohortVerbs.RotateCode);
        services.AddCardAction<CloseAction>(CohortVerbs.Close);
        services.AddCardAction<DeleteAction>(CohortVerbs.Delete);
        services.AddCardAction<DeleteConfirmedAction>(CohortVerbs.DeleteConfirmed);
        return services;
    }
}
