using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Tartarus.Snowball.Ext;
using Lucene.Net.Util;

namespace PeerSupportBot.Matching;

/// <summary>One analysed word: its stem, the word as written, and where it stands in the text.</summary>
/// <param name="Stem">Stemmed, lower case, with ä/ö/å folded so that "tyontekija" meets "työntekijä".</param>
/// <param name="Word">The word as written, lower case and folded the same way.</param>
/// <param name="Start">Offset of the word in the original text; matches are compared by these spans.</param>
/// <param name="Position">Index among the analysed words (after stop words), for phrases.</param>
internal sealed record AnalysedWord(string Stem, string Word, int Start, int Position);

/// <summary>
/// Lucene analysis chains for Finnish and English. Analyzers are thread-safe (Lucene keeps their
/// token streams per thread), so one instance serves all asks.
/// </summary>
internal sealed class TopicTextAnalysis : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly Analyzer finnish = new FinnishStemmingAnalyzer();
    private readonly Analyzer english = new EnglishAnalyzer(Version);

    public IReadOnlyList<AnalysedWord> Finnish(string text) => Analyse(finnish, text);

    public IReadOnlyList<AnalysedWord> English(string text) => Analyse(english, text);

    /// <summary>Folds the letters Finns often type without dots, so typed and typo'd forms meet.</summary>
    public static string Fold(string text) =>
        text.Replace('ä', 'a').Replace('ö', 'o').Replace('å', 'a');

    public void Dispose()
    {
        finnish.Dispose();
        english.Dispose();
    }

    private static List<AnalysedWord> Analyse(Analyzer analyzer, string text)
    {
        var words = new List<AnalysedWord>();
        using var stream = analyzer.GetTokenStream("ask", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var written = text[offset.StartOffset..offset.EndOffset].ToLowerInvariant();
            words.Add(new AnalysedWord(Fold(term.ToString()), Fold(written), offset.StartOffset, words.Count));
        }

        stream.End();
        return words;
    }

    /// <summary>
    /// StandardTokenizer → LowerCaseFilter → SnowballFilter(FinnishStemmer): FinnishAnalyzer's chain
    /// without its stop words. Measured on the labelled asks, the stop words kept recall the same and
    /// cost precision (0.965 → 0.939): they let phrases bridge words, and "ei" carries meaning here.
    /// </summary>
    private sealed class FinnishStemmingAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new LowerCaseFilter(Version, source);
            result = new SnowballFilter(result, new FinnishStemmer());
            return new TokenStreamComponents(source, result);
        }
    }
}
