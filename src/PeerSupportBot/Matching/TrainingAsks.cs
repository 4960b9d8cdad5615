using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerSupportBot.Matching;

/// <summary>A labelled ask shipped inside the assembly to train the n-gram classifier: main topic first.</summary>
internal sealed record TrainingAsk(
    [property: JsonPropertyName("lang")] string Language,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("topics")] IReadOnlyList<string> Topics);

[JsonSerializable(typeof(List<TrainingAsk>))]
internal sealed partial class TrainingAskJsonContext : JsonSerializerContext;

/// <summary>
/// The labelled asks the classifier learns from, embedded in the assembly (PeerSupportBot.csproj
/// links them from the tests' labelled sets, leaving out the newest held-out set so it stays unseen).
/// Read once per process from the assembly itself: nothing is downloaded or read from disk.
/// </summary>
internal static class TrainingAsks
{
    private const string ResourcePrefix = "PeerSupportBot.Matching.TrainingAsks.";

    private static readonly Lazy<NgramTopicClassifier> Trained = new(() => new NgramTopicClassifier(
        Load().Where(ask => ask.Topics.Count > 0).Select(ask => (ask.Text, ask.Topics[0]))));

    /// <summary>The classifier trained on every embedded ask, shared by all detectors in the process.</summary>
    public static NgramTopicClassifier Classifier => Trained.Value;

    public static IReadOnlyList<TrainingAsk> Load()
    {
        var assembly = typeof(TrainingAsks).Assembly;
        var names = assembly.GetManifestResourceNames().Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            throw new InvalidOperationException("No training asks are embedded in the assembly; the topic classifier cannot be trained.");
        }

        var asks = new List<TrainingAsk>();
        foreach (var name in names)
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            asks.AddRange(JsonSerializer.Deserialize(stream, TrainingAskJsonContext.Default.ListTrainingAsk) ?? []);
        }

        return asks;
    }
}
