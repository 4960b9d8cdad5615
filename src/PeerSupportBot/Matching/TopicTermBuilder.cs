namespace PeerSupportBot.Matching;

/// <summary>Turns the written vocabulary into stemmed terms with the same analysis the asks get.</summary>
internal sealed class TopicTermBuilder
{
    private const string ExactMarker = "=";
    private const string LiteralMarker = "~";

    private int nextId;

    public IReadOnlyList<TopicTerm> Build(
        IReadOnlyList<TopicWords> vocabulary,
        Func<TopicWords, WeightedWords> language,
        Func<string, IReadOnlyList<AnalysedWord>> analyse)
    {
        var terms = new List<TopicTerm>();
        foreach (var topic in vocabulary)
        {
            var words = language(topic);
            Add(terms, topic.TopicId, words.Strong, TopicVocabulary.Strong, analyse);
            Add(terms, topic.TopicId, words.Medium, TopicVocabulary.Medium, analyse);
            Add(terms, topic.TopicId, words.Weak, TopicVocabulary.Weak, analyse);
        }

        return terms;
    }

    private void Add(List<TopicTerm> terms, string topicId, IReadOnlyList<string> entries, double weight, Func<string, IReadOnlyList<AnalysedWord>> analyse)
    {
        foreach (var entry in entries)
        {
            var exact = entry.StartsWith(ExactMarker, StringComparison.Ordinal);
            var literal = entry.StartsWith(LiteralMarker, StringComparison.Ordinal);
            var words = analyse(exact || literal ? entry[1..] : entry);
            var stems = words.Select(word => literal ? word.Word : word.Stem).ToList();
            if (stems.Count == 0)
            {
                // A vocabulary entry made only of stop words would silently never match.
                throw new InvalidOperationException($"Vocabulary entry '{entry}' of {topicId} has no words left after analysis.");
            }

            terms.Add(new TopicTerm(nextId++, topicId, stems, weight, exact ? TermKind.Exact : literal ? TermKind.Literal : TermKind.Stem));
        }
    }
}
