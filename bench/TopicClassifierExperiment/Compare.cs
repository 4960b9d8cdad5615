using PeerSupportBot.Matching;

namespace TopicClassifierExperiment;

/// <summary>
/// Every option side by side. On the tuning sets the classifier is cross-validated (5 folds over all
/// tuning asks, so it never scores an ask it was trained on); on a held-out set it is trained on every
/// tuning ask and the held-out asks are read once.
/// Run: dotnet run -c Release -- compare            (tuning sets)
///      dotnet run -c Release -- compare asks-chat-holdout4.json
/// </summary>
internal static class Compare
{
    private const int Folds = 5;

    public static void Run(string? heldOutSet)
    {
        if (heldOutSet == "time")
        {
            Time(Tuning.All());
            return;
        }

        var tuning = Tuning.All();
        using var before = new TopicDetector([.. TopicVocabulary.All, .. SituationVocabulary.All]);
        using var wider = new TopicDetector();
        IReadOnlyList<LabelledAsk> asks;
        Dictionary<string, IReadOnlyList<(string Topic, float Probability)>> classified = new();
        Dictionary<string, IReadOnlyList<(string TopicId, double Probability)>> bayes = new();
        if (heldOutSet is null)
        {
            asks = tuning;
            for (var fold = 0; fold < Folds; fold++)
            {
                var classifier = new NgramClassifier([.. tuning.Where((_, index) => index % Folds != fold)]);
                var naiveBayes = Bayes(tuning.Where((_, index) => index % Folds != fold));
                foreach (var ask in tuning.Where((_, index) => index % Folds == fold))
                {
                    classified[ask.Text] = classifier.Rank(ask.Text);
                    bayes[ask.Text] = naiveBayes.Rank(ask.Text);
                }
            }
        }
        else
        {
            asks = LabelledSet.Load(heldOutSet);
            List<LabelledAsk> training = [.. tuning.Where(ask => !asks.Any(heldOut => heldOut.Text == ask.Text))];
            var classifier = new NgramClassifier(training);
            var naiveBayes = Bayes(training);
            foreach (var ask in asks)
            {
                classified[ask.Text] = classifier.Rank(ask.Text);
                bayes[ask.Text] = naiveBayes.Rank(ask.Text);
            }
        }

        var label = heldOutSet ?? $"all tuning sets ({asks.Count}, classifier {Folds}-fold cross-validated)";
        Console.WriteLine($"Options on {label}, {asks.Count} asks:");
        Row("before: keywords + situations, previous rule", asks, text => Options.Rule(Options.Previous, before.Rank(text)));
        Row("before + single tick", asks, text => Options.Rule(Options.SingleTick, before.Rank(text)));
        Row("before + medium word alone ticks", asks, text => Options.Rule(Options.MediumAlone, before.Rank(text)));
        Row("before + single tick + classifier confirms (p >= 0.2)", asks, text => Options.Confirmed(Options.SingleTick, before.Rank(text), classified[text], 0.2f));
        Row("before + medium word alone + classifier confirms ties (p >= 0.2)", asks, text => Options.Confirmed(Options.MediumAlone, before.Rank(text), classified[text], 0.2f));
        Row("before + single tick + n-gram Bayes confirms", asks, text => Shipped(before, text, bayes));
        Row("every detected topic ticked, wider vocabulary", asks, text => new([.. wider.Detect(text).Select(topic => topic.TopicId)], []));
        Row("(f) wider vocabulary, previous rule", asks, text => Options.Rule(Options.Previous, wider.Rank(text)));
        Row("(f) + single tick", asks, text => Options.Rule(Options.SingleTick, wider.Rank(text)));
        Row("(f) + medium word alone ticks", asks, text => Options.Rule(Options.MediumAlone, wider.Rank(text)));
        foreach (var probability in new[] { 0f, 0.2f, 0.3f, 0.4f })
        {
            Row($"(f) + single tick + classifier confirms (p >= {probability})", asks, text => Options.Confirmed(Options.SingleTick, wider.Rank(text), classified[text], probability));
        }

        Row("(f) + medium word alone ticks + classifier confirms ties (p >= 0.2)", asks, text => Options.Confirmed(Options.MediumAlone, wider.Rank(text), classified[text], 0.2f));
        Row("(f) + single tick + n-gram Bayes confirms: shipped", asks, text => Shipped(wider, text, bayes));
        using var spokenAsWritten = new TopicDetector([.. TopicVocabulary.All, .. SituationVocabulary.All, .. EverydayVocabulary.All], normalisesColloquialFinnish: false);
        using var withoutSituations = new TopicDetector([.. TopicVocabulary.All, .. EverydayVocabulary.All]);
        using var withoutEveryday = new TopicDetector([.. TopicVocabulary.All, .. SituationVocabulary.All]);
        if (VoikkoBaseForms.IsInstalled)
        {
            using var voikko = new VoikkoBaseForms();
            Row("shipped + Voikko base forms appended (e)", asks, text =>
            {
                return CrossValidation.Previous(wider.Rank(voikko.WithBaseForms(text)), bayes[text]);
            });
        }

        Row("shipped without colloquial rewriting (a)", asks, text => Shipped(spokenAsWritten, text, bayes));
        Row("shipped without situation phrases (b)", asks, text => Shipped(withoutSituations, text, bayes));
        Row("shipped without the everyday vocabulary (f)", asks, text => Shipped(withoutEveryday, text, bayes));
        foreach (var threshold in new[] { 0.5, 0.9 })
        {
            Row($"(d') n-gram Bayes alone (p >= {threshold})", asks, text => bayes[text][0].Probability >= threshold
                ? new([bayes[text][0].TopicId], [])
                : new([], [.. bayes[text].Take(3).Select(pair => pair.TopicId)]));
        }

        foreach (var threshold in new[] { 0.3f, 0.5f })
        {
            Row($"(d) classifier alone (p >= {threshold})", asks, text => classified[text][0].Probability >= threshold
                ? new([classified[text][0].Topic], [])
                : new([], [.. classified[text].Take(3).Select(pair => pair.Topic)]));
        }

        Time([.. tuning, .. (heldOutSet is null ? [] : asks)]);
    }

    /// <summary>The shipped detector's Propose in this build: mean per ask, and the slowest ask's mean.</summary>
    public static void Time(IReadOnlyList<LabelledAsk> asks)
    {
        using var detector = new TopicDetector();
        const int Rounds = 20;
        var perAsk = new double[asks.Count];
        for (var round = -1; round < Rounds; round++)
        {
            for (var index = 0; index < asks.Count; index++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                detector.Propose(asks[index].Text);
                if (round >= 0)
                {
                    perAsk[index] += clock.Elapsed.TotalMicroseconds / Rounds;
                }
            }
        }

        using var before = new TopicDetector([.. TopicVocabulary.All, .. SituationVocabulary.All]);
        var words = new double[asks.Count];
        var opinion = new double[asks.Count];
        var old = new double[asks.Count];
        for (var round = 0; round < Rounds; round++)
        {
            for (var index = 0; index < asks.Count; index++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                detector.Rank(asks[index].Text);
                words[index] += clock.Elapsed.TotalMicroseconds / Rounds;
                clock.Restart();
                TrainingAsks.Classifier.Rank(asks[index].Text);
                opinion[index] += clock.Elapsed.TotalMicroseconds / Rounds;
                clock.Restart();
                before.Propose(asks[index].Text);
                old[index] += clock.Elapsed.TotalMicroseconds / Rounds;
            }
        }

        Console.WriteLine(FormattableString.Invariant($"time, words (Rank) {words.Average():F0} µs, slowest {words.Max():F0} µs; classifier {opinion.Average():F0} µs, slowest {opinion.Max():F0} µs; longest ask {asks.Max(ask => ask.Text.Length)} characters; before (keywords + situations) Propose {old.Average():F0} µs, slowest {old.Max():F0} µs"));
        Console.WriteLine(FormattableString.Invariant($"time, shipped Propose: {perAsk.Average():F0} µs per ask on average, slowest ask {perAsk.Max():F0} µs ({Rounds} warm rounds of {asks.Count} asks)"));
    }

    private static NgramTopicClassifier Bayes(IEnumerable<LabelledAsk> training) =>
        new(training.Select(ask => (ask.Text, ask.Topics[0])));

    private static Card Shipped(TopicDetector detector, string text, Dictionary<string, IReadOnlyList<(string TopicId, double Probability)>> bayes)
    {
        return CrossValidation.Previous(detector.Rank(text), bayes[text]);
    }

    private static void Row(string option, IReadOnlyList<LabelledAsk> asks, Func<string, Card> card) =>
        Console.WriteLine($"  {option}: {Figures.Of(asks, card)}");
}
