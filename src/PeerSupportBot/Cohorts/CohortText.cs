namespace PeerSupportBot.Cohorts;

/// <summary>Marks the cohort feature's strings: CohortText.resx (English) and CohortText.fi.resx.</summary>
internal sealed class CohortText;
