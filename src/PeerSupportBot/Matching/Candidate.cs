namespace PeerSupportBot.Matching;

/// <summary>
/// A colleague who could be asked: consented, offers a matching topic, shares a language, is
/// available and reachable. The reason names only the shared cohort and the topics, never load or history.
/// </summary>
internal sealed record Candidate(
    string PersonKey,
    string Name,
    IReadOnlyList<string> MatchingTopics,
    IReadOnlyList<string> SharedCohortNames,
    double Score);
