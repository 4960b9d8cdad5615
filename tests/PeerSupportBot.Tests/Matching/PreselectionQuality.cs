using System.Globalization;
using System.Text;

namespace PeerSupportBot.Tests.Matching;

/// <summary>What the ask card would show for one ask: the topics it ticks, and the ranked topics it lists when it ticks none.</summary>
internal sealed record CardTopics(IReadOnlyList<string> Preselected, IReadOnlyList<string> Likely);

/// <summary>
/// How well what the card preselects agrees with the labelled asks (issue 13's goal):
/// <list type="bullet">
/// <item>precision: of all topics preselected, the share a person filed the ask under;</item>
/// <item>main-topic recall: the share of asks whose main topic is preselected;</item>
/// <item>no-guess rate: the share of asks where nothing is preselected;</item>
/// <item>main topic listed first: among no-guess asks, the share whose main topic heads the likely list.</item>
/// </list>
/// </summary>
internal sealed record PreselectionQuality(
    int Asks,
    double Precision,
    double MainTopicRecall,
    double NoGuessRate,
    double MainListedFirstWhenUnsure,
    int WrongPreselections,
    IReadOnlyList<string> Misses)
{
    /// <summary>Which detection option produced these figures, for the printed summary.</summary>
    public string Option { get; init; } = "";

    public static PreselectionQuality Measure(Func<string, CardTopics> card, IReadOnlyList<LabelledAsk> asks)
    {
        int preselected = 0, right = 0, mainFound = 0, noGuess = 0, mainFirstWhenUnsure = 0, wrong = 0;
        var misses = new List<string>();
        foreach (var ask in asks)
        {
            var shown = card(ask.Text);
            var hits = shown.Preselected.Count(ask.Topics.Contains);
            preselected += shown.Preselected.Count;
            right += hits;
            wrong += shown.Preselected.Count - hits;
            mainFound += shown.Preselected.Contains(ask.Topics[0]) ? 1 : 0;
            if (shown.Preselected.Count == 0)
            {
                noGuess++;
                mainFirstWhenUnsure += shown.Likely.Count > 0 && shown.Likely[0] == ask.Topics[0] ? 1 : 0;
            }

            if (hits != shown.Preselected.Count || !shown.Preselected.Contains(ask.Topics[0]))
            {
                var mark = hits != shown.Preselected.Count ? "WRONG" : shown.Preselected.Count == 0 ? "no guess" : "missed main";
                misses.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{mark} [{ask.Language}] expected {string.Join(", ", ask.Topics)} | ticked {List(shown.Preselected)} | listed {List(shown.Likely)} | {ask.Text}"));
            }
        }

        return new PreselectionQuality(
            asks.Count,
            Ratio(right, preselected),
            Ratio(mainFound, asks.Count),
            Ratio(noGuess, asks.Count),
            Ratio(mainFirstWhenUnsure, noGuess),
            wrong,
            misses);
    }

    public string Summary(string label) => string.Create(CultureInfo.InvariantCulture,
        $"{Option} on {label} ({Asks} asks): preselected precision {Precision:F3}, main topic preselected {MainTopicRecall:F3}, no guess {NoGuessRate:F3}, main listed first when unsure {MainListedFirstWhenUnsure:F3}, wrong topics ticked {WrongPreselections}");

    public string Report(string label)
    {
        var report = new StringBuilder().AppendLine(Summary(label));
        foreach (var miss in Misses)
        {
            report.Append("  ").AppendLine(miss);
        }

        return report.ToString();
    }

    private static string List(IReadOnlyList<string> topics) => topics.Count == 0 ? "nothing" : string.Join(", ", topics);

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}
