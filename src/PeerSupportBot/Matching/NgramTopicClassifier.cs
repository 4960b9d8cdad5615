namespace PeerSupportBot.Matching;

/// <summary>
/// A second opinion on an ask's topic from a different signal than the vocabulary: multinomial
/// naive Bayes over character 3–5-grams and whole words, trained on labelled asks (main topic only).
/// Character n-grams see through inflection, typos and compounds without a stemmer ("saikuilla",
/// "kehkeskustelu"). Alone it is too weak to tick anything (issue 13's measurements); the detector
/// only lets it agree or disagree with topics the vocabulary already found. Immutable after
/// training, so one instance serves all threads; ranking allocates no strings. The likelihoods are
/// kept as floats in one array, a row per n-gram: with a thousand training asks there are tens of
/// thousands of n-grams, and an array each would be most of the bot's memory for topics.
/// </summary>
internal sealed class NgramTopicClassifier
{
    private const int ShortestGram = 3;
    private const int LongestGram = 5;

    /// <summary>Laplace smoothing: an n-gram unseen for a topic is unlikely, not impossible.</summary>
    private const double Smoothing = 0.5;

    private readonly string[] topics;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> rowOf;
    private readonly float[] logLikelihoods;
    private readonly float[] unseen;

    public NgramTopicClassifier(IEnumerable<(string Text, string TopicId)> examples)
    {
        var counts = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        foreach (var (text, topicId) in examples)
        {
            if (!counts.TryGetValue(topicId, out var features))
            {
                counts[topicId] = features = new Dictionary<string, double>(StringComparer.Ordinal);
            }

            ForEachFeature(Normalise(text), feature =>
            {
                var key = feature.ToString();
                features[key] = features.GetValueOrDefault(key) + 1;
            });
        }

        topics = [.. counts.Keys.Order(StringComparer.Ordinal)];
        var vocabulary = counts.Values.SelectMany(features => features.Keys).ToHashSet(StringComparer.Ordinal);
        var totals = topics.Select(topic => counts[topic].Values.Sum()).ToArray();
        unseen = [.. totals.Select(total => (float)Math.Log(Smoothing / (total + Smoothing * vocabulary.Count)))];
        var rows = new Dictionary<string, int>(vocabulary.Count, StringComparer.Ordinal);
        logLikelihoods = new float[vocabulary.Count * topics.Length];
        foreach (var feature in vocabulary)
        {
            var row = rows.Count;
            rows[feature] = row;
            for (var slot = 0; slot < topics.Length; slot++)
            {
                logLikelihoods[(row * topics.Length) + slot] = (float)Math.Log(
                    (counts[topics[slot]].GetValueOrDefault(feature) + Smoothing) / (totals[slot] + Smoothing * vocabulary.Count));
            }
        }

        rowOf = rows.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Every trained topic with its posterior probability (uniform prior), best first.</summary>
    public IReadOnlyList<(string TopicId, double Probability)> Rank(string text)
    {
        var (scores, _) = LogLikelihoods(text);
        var best = scores.Length == 0 ? 0 : scores.Max();
        var total = scores.Sum(score => Math.Exp(score - best));
        return [.. topics.Select((topic, slot) => (topic, Math.Exp(scores[slot] - best) / total)).OrderByDescending(pair => pair.Item2)];
    }

    /// <summary>
    /// Each topic's log-likelihood behind the best one's, per n-gram of the ask (0 for the best, negative
    /// for the rest). Unlike the posterior, which is near 0 or 1 for almost every ask because the n-grams
    /// of one text are far from independent, this stays on one scale whatever the ask's length.
    /// </summary>
    public IReadOnlyDictionary<string, double> Margins(string text)
    {
        var (scores, features) = LogLikelihoods(text);
        var best = scores.Length == 0 ? 0 : scores.Max();
        return topics.Select((topic, slot) => (topic, (scores[slot] - best) / Math.Max(features, 1)))
            .ToDictionary(pair => pair.topic, pair => pair.Item2, StringComparer.Ordinal);
    }

    private (double[] Scores, int Features) LogLikelihoods(string text)
    {
        var scores = new double[topics.Length];
        var features = 0;
        ForEachFeature(Normalise(text), feature =>
        {
            features++;
            var likelihoods = rowOf.TryGetValue(feature, out var row) ? logLikelihoods.AsSpan(row * scores.Length, scores.Length) : unseen;
            for (var slot = 0; slot < scores.Length; slot++)
            {
                scores[slot] += likelihoods[slot];
            }
        });

        return (scores, features);
    }

    /// <summary>Lower case, ä/ö/å folded, every run of non-letters one space, padded so n-grams see word edges.</summary>
    private static string Normalise(string text)
    {
        var folded = TopicTextAnalysis.Fold(text.ToLowerInvariant());
        var written = new char[folded.Length + 2];
        var length = 0;
        written[length++] = ' ';
        foreach (var letter in folded)
        {
            var next = char.IsLetter(letter) ? letter : ' ';
            if (next != ' ' || written[length - 1] != ' ')
            {
                written[length++] = next;
            }
        }

        if (written[length - 1] != ' ')
        {
            written[length++] = ' ';
        }

        return new string(written, 0, length);
    }

    /// <summary>Character n-grams of the padded text, then each word with its edges (" word ") as one more feature.</summary>
    private static void ForEachFeature(string padded, FeatureAction action)
    {
        var span = padded.AsSpan();
        for (var size = ShortestGram; size <= LongestGram; size++)
        {
            for (var start = 0; start + size <= span.Length; start++)
            {
                action(span.Slice(start, size));
            }
        }

        var wordStart = 0;
        for (var index = 1; index < span.Length; index++)
        {
            if (span[index] == ' ')
            {
                if (index - wordStart > LongestGram)
                {
                    action(span[wordStart..(index + 1)]);
                }

                wordStart = index;
            }
        }
    }

    private delegate void FeatureAction(ReadOnlySpan<char> feature);
}
