using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace TopicClassifierExperiment;

/// <summary>A multiclass classifier on character 1–4-grams and words (SDCA maximum entropy), trained on main topics.</summary>
internal sealed class NgramClassifier
{
    private readonly PredictionEngine<AskRow, TopicScores> engine;
    private readonly string[] topicsBySlot;

    public NgramClassifier(IReadOnlyList<LabelledAsk> training, int seed = 13)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(training.Select(ask => new AskRow { Text = ask.Text, Label = ask.Topics[0] }));
        var featurizer = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = false,
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = true },
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Features", featurizer, nameof(AskRow.Text)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy())
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(data);
        engine = ml.Model.CreatePredictionEngine<AskRow, TopicScores>(model);

        VBuffer<ReadOnlyMemory<char>> names = default;
        model.GetOutputSchema(data.Schema)["Score"].GetSlotNames(ref names);
        topicsBySlot = [.. names.DenseValues().Select(name => name.ToString())];
    }

    /// <summary>Topics with their probabilities, best first.</summary>
    public IReadOnlyList<(string Topic, float Probability)> Rank(string text)
    {
        var scores = engine.Predict(new AskRow { Text = text }).Score;
        return [.. scores.Select((probability, slot) => (topicsBySlot[slot], probability)).OrderByDescending(pair => pair.probability)];
    }

    private sealed class AskRow
    {
        public string Text { get; set; } = "";

        public string Label { get; set; } = "";
    }

    private sealed class TopicScores
    {
        public float[] Score { get; set; } = [];
    }
}
