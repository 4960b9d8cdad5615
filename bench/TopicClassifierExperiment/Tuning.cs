using System.Globalization;
using PeerSupportBot.Matching;

namespace TopicClassifierExperiment;

/// <summary>
/// The shipped card on every tuning set, with each miss, for reading while the vocabulary changes.
/// Never reads the newest held-out sets (asks-chat-holdout7.json, asks-chat-holdout8.json): those are run once per option.
/// Run: dotnet run -c Release -- tune [misses]
/// </summary>
internal static class Tuning
{
    public static readonly string[] Sets = ["asks.json", "asks-holdout.json", "asks-chat-tuning.json", "asks-chat-holdout.json", "asks-chat-holdout2.json", "asks-chat-holdout3.json", "asks-chat-holdout4.json", "asks-chat-training5a.json", "asks-chat-training5b.json", "asks-chat-training5c.json", "asks-chat-training5d.json", "asks-chat-holdout5.json", "asks-chat-holdout6.json", "asks-chat-training6a.json", "asks-chat-training6b.json", "asks-chat-training6c.json", "asks-chat-training6d.json"];

    public static IReadOnlyList<LabelledAsk> All() => [.. Sets.SelectMany(LabelledSet.Load)];

    /// <summary>The shipped card's misses on one set: for reading a held-out set only after its one run is recorded.</summary>
    public static void Misses(string set)
    {
        using var detector = new TopicDetector();
        var asks = LabelledSet.Load(set);
        Console.WriteLine($"{set} ({asks.Count}): {Figures.Of(asks, text => Card(detector.Propose(text)))}");
        PrintMisses(detector, asks);
    }

    public static void Run(bool printMisses)
    {
        using var detector = new TopicDetector();
        foreach (var set in Sets)
        {
            var asks = LabelledSet.Load(set);
            Console.WriteLine($"{set} ({asks.Count}): {Figures.Of(asks, text => Card(detector.Propose(text)))}");
        }

        var all = All();
        Console.WriteLine($"all tuning ({all.Count}): {Figures.Of(all, text => Card(detector.Propose(text)))}");
        Sweep(detector, all);
        if (!printMisses)
        {
            return;
        }

        PrintMisses(detector, all);
    }

    private static void PrintMisses(TopicDetector detector, IReadOnlyList<LabelledAsk> asks)
    {
        foreach (var ask in asks)
        {
            var proposal = detector.Propose(ask.Text);
            var wrong = proposal.Preselected.Any(topic => !ask.Topics.Contains(topic));
            if (wrong || !proposal.Preselected.Contains(ask.Topics[0]))
            {
                var ranked = string.Join(" ", detector.Rank(ask.Text).Take(3).Select(topic => string.Create(CultureInfo.InvariantCulture, $"{topic.TopicId}:{topic.Score}")));
                Console.WriteLine($"{(wrong ? "WRONG" : proposal.IsSure ? "missed" : "unsure")} want {string.Join(",", ask.Topics)} | {ranked} | {ask.Text}");
            }
        }
    }

    /// <summary>The confidence rule's thresholds on the tuning sets: how the shipped ones were chosen.</summary>
    private static void Sweep(TopicDetector detector, IReadOnlyList<LabelledAsk> asks)
    {
        var ranked = asks.ToDictionary(ask => ask.Text, ask => detector.Rank(ask.Text));
        foreach (var sure in new[] { 1.5, 2.25, 3.0, 3.75 })
        {
            foreach (var lead in new[] { 1.25, 1.5, 2.0, 3.0 })
            {
                foreach (var companion in new[] { 0.9, 2.0 })
                {
                    var rule = new TopicConfidence(sure, lead, companion, LikelyFloor: 0.75);
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sure {sure} lead {lead} companion {companion}: {Figures.Of(asks, text => Card(rule.Decide(ranked[text])))}"));
                }
            }
        }
    }

    /// <summary>How each line of standard input analyses and ranks: for checking how a vocabulary entry stems.</summary>
    public static void Explain()
    {
        using var analysis = new TopicTextAnalysis();
        using var detector = new TopicDetector();
        while (Console.ReadLine() is { } line)
        {
            var normalised = ColloquialFinnish.Normalise(line);
            Console.WriteLine($"{line}\n  written: {normalised}");
            Console.WriteLine("  fi: " + string.Join(" ", analysis.Finnish(normalised).Select(word => $"{word.Word}/{word.Stem}")));
            Console.WriteLine("  en: " + string.Join(" ", analysis.English(normalised).Select(word => $"{word.Word}/{word.Stem}")));
            Console.WriteLine("  rank: " + string.Join(" ", detector.Rank(line).Select(topic => string.Create(CultureInfo.InvariantCulture, $"{topic.TopicId}:{topic.Score}"))));
            Console.WriteLine("  card: " + string.Join(",", detector.Propose(line).Preselected));
            Console.WriteLine("  classifier: " + string.Join(" ", TrainingAsks.Classifier.Rank(line).Take(3).Select(pair => string.Create(CultureInfo.InvariantCulture, $"{pair.TopicId}:{pair.Probability:F3}"))));
            Console.WriteLine("  entries: " + string.Join("; ", MatchingEntries(line)));
        }
    }

    /// <summary>Each vocabulary entry that alone scores on the line, with its list: slow, for explaining only.</summary>
    private static IEnumerable<string> MatchingEntries(string line)
    {
        var lists = new (string Name, IReadOnlyList<TopicWords> Words)[] { ("keywords", TopicVocabulary.All), ("situations", SituationVocabulary.All), ("everyday", EverydayVocabulary.All) };
        foreach (var (name, words) in lists)
        {
            foreach (var topic in words)
            {
                foreach (var (language, weighted) in new[] { ("fi", topic.Finnish), ("en", topic.English) })
                {
                    foreach (var entry in weighted.Strong.Concat(weighted.Medium).Concat(weighted.Weak))
                    {
                        var only = new WeightedWords([entry], [], []);
                        var single = language == "fi" ? new TopicWords(topic.TopicId, only, new([], [], [])) : new TopicWords(topic.TopicId, new([], [], []), only);
                        using var probe = new TopicDetector([single]);
                        if (probe.Rank(line).Count > 0)
                        {
                            yield return $"{topic.TopicId} {name}/{language} '{entry}'";
                        }
                    }
                }
            }
        }
    }

    private static Card Card(TopicProposal proposal) => new(proposal.Preselected, proposal.Likely);
}
