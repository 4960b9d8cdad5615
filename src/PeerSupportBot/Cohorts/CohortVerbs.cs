namespace PeerSupportBot.Cohorts;

/// <summary>The Action.Execute verbs of cohort cards.</summary>
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
    public const string Leave = "cohort.leave";
}
