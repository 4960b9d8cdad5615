using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TopicClassifierExperiment;

/// <summary>A labelled ask as in tests/PeerSupportBot.Tests/Matching/*.json, main topic first.</summary>
internal sealed record LabelledAsk(
    [property: JsonPropertyName("lang")] string Language,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("topics")] IReadOnlyList<string> Topics);

internal static class LabelledSet
{
    public static IReadOnlyList<LabelledAsk> Load(string fileName)
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "PeerSupportBot.Tests", "Matching");
        using var file = File.OpenRead(Path.Combine(folder, fileName));
        return JsonSerializer.Deserialize<List<LabelledAsk>>(file) ?? [];
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PeerSupportBot.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("PeerSupportBot.sln not found above the binaries.");
    }
}

/// <summary>What a card would tick and list for one ask.</summary>
internal sealed record Card(IReadOnlyList<string> Preselected, IReadOnlyList<string> Likely);

/// <summary>The same figures as the tests' PreselectionQuality: precision of ticks, main topic ticked, no guess.</summary>
internal sealed record Figures(double Precision, double MainTopicRecall, double NoGuessRate, double MainListedFirstWhenUnsure)
{
    public static Figures Of(IReadOnlyList<LabelledAsk> asks, Func<string, Card> card)
    {
        int ticked = 0, right = 0, main = 0, none = 0, firstWhenUnsure = 0;
        foreach (var ask in asks)
        {
            var shown = card(ask.Text);
            ticked += shown.Preselected.Count;
            right += shown.Preselected.Count(ask.Topics.Contains);
            main += shown.Preselected.Contains(ask.Topics[0]) ? 1 : 0;
            if (shown.Preselected.Count == 0)
            {
                none++;
                firstWhenUnsure += shown.Likely.Count > 0 && shown.Likely[0] == ask.Topics[0] ? 1 : 0;
            }
        }

        return new(Ratio(right, ticked), Ratio(main, asks.Count), Ratio(none, asks.Count), Ratio(firstWhenUnsure, none));
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"precision {Precision:F3}, main topic ticked {MainTopicRecall:F3}, no guess {NoGuessRate:F3}, main listed first when unsure {MainListedFirstWhenUnsure:F3}");

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
