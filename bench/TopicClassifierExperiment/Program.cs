using System.Diagnostics;
using System.Globalization;
using PeerSupportBot.Matching;
using TopicClassifierExperiment;

if (args is ["compare", ..])
{
    Compare.Run(args.Length > 1 ? args[1] : null);
    return;
}

if (args is ["heldout", var heldOutSet])
{
    CrossValidation.HeldOut(heldOutSet);
    return;
}

if (args is ["memory"])
{
    var beforeTraining = GC.GetTotalMemory(forceFullCollection: true);
    var training = Stopwatch.StartNew();
    var trained = TrainingAsks.Classifier;
    training.Stop();
    var afterTraining = GC.GetTotalMemory(forceFullCollection: true);
    Console.WriteLine(FormattableString.Invariant($"classifier: {(afterTraining - beforeTraining) / 1e6:F1} MB managed after training on {TrainingAsks.Load().Count} asks ({trained.Rank("x").Count} topics) in {training.ElapsedMilliseconds} ms"));
    using var words = new TopicDetector([.. TopicVocabulary.All, .. SituationVocabulary.All, .. EverydayVocabulary.All]);
    words.Rank("esimerkki");
    Console.WriteLine(FormattableString.Invariant($"words: {(GC.GetTotalMemory(forceFullCollection: true) - afterTraining) / 1e6:F1} MB managed"));
    return;
}

if (args is ["blend"])
{
    Blend.Run();
    return;
}

if (args is ["cv"])
{
    CrossValidation.Run();
    return;
}

if (args is ["misses", var set])
{
    Tuning.Misses(set);
    return;
}

if (args is ["explain"])
{
    Tuning.Explain();
    return;
}

if (args is ["tune", ..])
{
    Tuning.Run(printMisses: args.Contains("misses"));
    return;
}

// Option (d) of issue 13 beside the shipped detector, on the same held-out asks. The confidence
// threshold is chosen by 5-fold cross-validation on the tuning asks only; the held-out asks are
// read once, at the end.
List<LabelledAsk> tuning = [.. LabelledSet.Load("asks.json"), .. LabelledSet.Load("asks-holdout.json"), .. LabelledSet.Load("asks-chat-tuning.json")];
// The held-out file to read once: the first chat half unless named ("asks-chat-holdout2.json").
var heldOut = LabelledSet.Load(args.Length > 0 ? args[0] : "asks-chat-holdout.json");
float[] thresholds = [0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f];

var crossValidated = thresholds.ToDictionary(threshold => threshold, _ => new List<(LabelledAsk Ask, Card Card)>());
const int Folds = 5;
for (var fold = 0; fold < Folds; fold++)
{
    var train = tuning.Where((_, index) => index % Folds != fold).ToList();
    var test = tuning.Where((_, index) => index % Folds == fold).ToList();
    var classifier = new NgramClassifier(train);
    foreach (var ask in test)
    {
        var ranked = classifier.Rank(ask.Text);
        foreach (var threshold in thresholds)
        {
            crossValidated[threshold].Add((ask, CardFrom(ranked, threshold)));
        }
    }
}

foreach (var (threshold, cards) in crossValidated)
{
    var lookup = cards.ToDictionary(pair => pair.Ask.Text, pair => pair.Card);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(d) n-gram classifier, threshold {threshold}, 5-fold CV on tuning ({tuning.Count}): {Figures.Of(tuning, text => lookup[text])}"));
}

// The least threshold whose cross-validated precision reaches the goal; the strictest one tried when none does.
var reaching = crossValidated
    .Where(pair => Figures.Of(tuning, text => pair.Value.First(card => card.Ask.Text == text).Card).Precision >= 0.95)
    .Select(pair => pair.Key)
    .ToList();
var chosen = reaching.Count > 0 ? reaching.Min() : thresholds[^1];
var why = reaching.Count > 0 ? "least with CV precision >= 0.95" : "strictest tried; none reached CV precision 0.95";

var final = new NgramClassifier(tuning);
using var detector = new TopicDetector();
using var keywordsOnly = new TopicDetector(TopicVocabulary.All, normalisesColloquialFinnish: false);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(d) n-gram classifier, threshold {chosen} ({why}), held-out ({heldOut.Count}): {Figures.Of(heldOut, text => CardFrom(final.Rank(text), chosen))}"));
Console.WriteLine($"(a+b+c) shipped detector, held-out ({heldOut.Count}): {Figures.Of(heldOut, text => CardFromProposal(detector.Propose(text)))}");
Console.WriteLine($"(a+b+c)+(d) detector when sure, else classifier above threshold, held-out: {Figures.Of(heldOut, text => Hybrid(detector, final, text, chosen))}");

List<LabelledAsk> everyAsk = [.. tuning, .. heldOut];
using var voikko = VoikkoBaseForms.IsInstalled ? new VoikkoBaseForms() : null;
if (voikko is not null)
{
    Console.WriteLine($"(a+b+c)+(e) Voikko base forms appended, tuning ({tuning.Count}): {Figures.Of(tuning, text => CardFromProposal(detector.Propose(voikko.WithBaseForms(text))))}");
    Console.WriteLine($"(a+b+c)+(e) Voikko base forms appended, held-out ({heldOut.Count}): {Figures.Of(heldOut, text => CardFromProposal(detector.Propose(voikko.WithBaseForms(text))))}");
    Console.WriteLine($"(c)+(e) keywords only, Voikko instead of colloquial rewriting, held-out: {Figures.Of(heldOut, text => CardFromProposal(TopicConfidence.Shipped.Decide(keywordsOnly.Rank(voikko.WithBaseForms(text)))))}");
    Console.WriteLine(Time("Voikko base forms + shipped detector", everyAsk, text => detector.Propose(voikko.WithBaseForms(text))));
}
else
{
    Console.WriteLine("(e) Voikko not measured: libvoikko.so.1 is not installed (apt-get install libvoikko1 voikko-fi).");
}

Console.WriteLine(Time("shipped detector (Propose)", everyAsk, text => detector.Propose(text)));
Console.WriteLine(Time("n-gram classifier (Rank)", everyAsk, text => final.Rank(text)));

static Card CardFrom(IReadOnlyList<(string Topic, float Probability)> ranked, float threshold) =>
    ranked[0].Probability >= threshold ? new([ranked[0].Topic], []) : new([], [.. ranked.Take(3).Select(pair => pair.Topic)]);

static Card CardFromProposal(TopicProposal proposal) => new(proposal.Preselected, proposal.Likely);

static Card Hybrid(TopicDetector detector, NgramClassifier classifier, string text, float threshold)
{
    var proposal = detector.Propose(text);
    return proposal.IsSure ? CardFromProposal(proposal) : CardFrom(classifier.Rank(text), threshold);
}

static string Time(string what, IReadOnlyList<LabelledAsk> asks, Action<string> run)
{
    foreach (var ask in asks)
    {
        run(ask.Text);
    }

    const int Rounds = 20;
    var clock = Stopwatch.StartNew();
    for (var round = 0; round < Rounds; round++)
    {
        foreach (var ask in asks)
        {
            run(ask.Text);
        }
    }

    return string.Create(CultureInfo.InvariantCulture, $"time, {what}: {clock.Elapsed.TotalMicroseconds / (Rounds * asks.Count):F0} µs per ask (Release, warm, {Rounds} rounds of {asks.Count} asks)");
}
