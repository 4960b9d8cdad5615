namespace PeerSupportBot.Cohorts;

/// <summary>Who may create cohorts: anyone (the default) or the Entra object ids listed here.</summary>
internal sealed class CohortOptions
{
    public const string Section = "Cohorts";

    public const int MaxNameLength = 60;

    public IList<string> Creators { get; } = [];

    public bool MayCreate(string personKey) =>
        Creators.Count == 0 || Creators.Any(id => string.Equals(id.Trim(), personKey, StringComparison.OrdinalIgnoreCase));
}
