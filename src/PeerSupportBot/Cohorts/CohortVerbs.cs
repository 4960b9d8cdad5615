using PeerSupportBot.Conversation;

namespace PeerSupportBot.Cohorts;

/// <summary>What a trainer or member can type or press about cohorts, each tied to what handles it.</summary>
internal static class CohortVerbs
{
    public const string Create = "cohort.create";
    public const string Invite = "cohort.invite";
    public const string Join = "cohort.join";
    public const string Members = "cohort.members";
    public const string RemoveMember = "cohort.removeMember";
    public const string RotateCode = "cohort.rotateCode";
    public const string Close = "cohort.close";
    public const string Delete = "cohort.delete";
    public const string DeleteConfirmed = "cohort.deleteConfirmed";

    public static IServiceCollection AddCohortVerbs(this IServiceCollection services) => services
        .AddBotCommand<NewCohortCommand, CohortText>("uusi ryhmä", "new cohort", "NewCohortDescription")
        .AddBotCommand<MyCohortsCommand, CohortText>("omat ryhmät", "my cohorts", "MyCohortsDescription")
        .AddBotCommand<JoinCommand, CohortText>("liity", "join", "JoinDescription")
        .AddBotCommand<InviteCommand, CohortText>("kutsu", "invite", "InviteDescription", CommandScopes.Group)
        .AddCardAction<CreateCohortAction>(Create)
        .AddCardAction<InviteAction>(Invite)
        .AddCardAction<JoinAction>(Join)
        .AddCardAction<MembersAction>(Members)
        .AddCardAction<RemoveMemberAction>(RemoveMember)
        .AddCardAction<RotateCodeAction>(RotateCode)
        .AddCardAction<CloseAction>(Close)
        .AddCardAction<DeleteAction>(Delete)
        .AddCardAction<DeleteConfirmedAction>(DeleteConfirmed);
}
