namespace PeerSupportBot.Matching;

/// <summary>
/// A vocabulary entry after analysis: the stems of its words (one for a word, several for a
/// phrase), the topic it points to and its weight. <paramref name="Id"/> lets an entry count once.
/// </summary>
internal sealed record TopicTerm(int Id, string TopicId, IReadOnlyList<string> Stems, double Weight, TermKind Kind);

/// <summary>How a term meets a word; see TopicVocabulary for how each is written.</summary>
internal enum TermKind
{
    Stem,
    Exact,
    Literal,
}

/// <summary>A term found in an ask: the characters it covers and how much it adds to its topic.</summary>
internal readonly record struct TermMatch(TopicTerm Term, int Start, int End, double Weight)
{
    public int Length => End - Start;

    public bool LiesWithin(TermMatch other) => Start >= other.Start && End <= other.End;
}
