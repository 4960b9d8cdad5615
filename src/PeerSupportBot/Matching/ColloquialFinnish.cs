using System.Text;
using System.Text.RegularExpressions;

namespace PeerSupportBot.Matching;

/// <summary>
/// Turns spoken Finnish as typed in chat (puhekieli) into the written forms the Snowball stemmer
/// and the vocabulary know: "mul ei oo" → "minulla ei ole", "puheeks" → "puheeksi", "alottanu" →
/// "aloittanut". Only words that cannot be English are rewritten, because both analyses read the
/// result and their matches must share offsets. Pure and allocation-light: one pass over the words.
/// </summary>
internal static partial class ColloquialFinnish
{
    /// <summary>Whole spoken words and their written forms. Dotless spellings are folded later anyway.</summary>
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        ["mun"] = "minun", ["mul"] = "minulla", ["mulla"] = "minulla", ["mult"] = "minulta", ["multa"] = "minulta",
        ["mua"] = "minua", ["musta"] = "minusta", ["mulle"] = "minulle", ["mä"] = "minä", ["mää"] = "minä", ["mut"] = "mutta",
        ["sä"] = "sinä", ["sun"] = "sinun", ["sulla"] = "sinulla", ["sulle"] = "sinulle",
        ["meil"] = "meillä", ["teil"] = "teillä", ["niil"] = "niillä", ["siel"] = "siellä", ["tääl"] = "täällä",
        ["ite"] = "itse", ["itte"] = "itse", ["et"] = "että", ["sit"] = "sitten", ["takas"] = "takaisin",
        ["kaks"] = "kaksi", ["kuus"] = "kuusi", ["viis"] = "viisi", ["yks"] = "yksi", ["puol"] = "puoli",
        ["yhelle"] = "yhdelle", ["yhen"] = "yhden", ["yhes"] = "yhdessä",
        ["haluu"] = "haluaa", ["haluun"] = "haluan", ["haluis"] = "haluaisi", ["haluisin"] = "haluaisin",
        ["oo"] = "ole", ["oon"] = "olen", ["ootte"] = "olette", ["ollaa"] = "olla", ["ois"] = "olisi",
        ["tiiä"] = "tiedä", ["tiiän"] = "tiedän", ["tienny"] = "tiennyt",
        ["tää"] = "tämä", ["tän"] = "tämän", ["nää"] = "nämä",
        ["ens"] = "ensi", ["uus"] = "uusi", ["uuet"] = "uudet", ["uuen"] = "uuden",
        ["eka"] = "ensimmäinen", ["ekaa"] = "ensimmäistä", ["ekat"] = "ensimmäiset", ["ekoina"] = "ensimmäisinä",
        ["kaa"] = "kanssa", ["kans"] = "kanssa", ["kokoajan"] = "koko ajan",
        ["vaikee"] = "vaikea", ["vaikeet"] = "vaikeat", ["hirvee"] = "hirveä",
        ["kipee"] = "kipeä", ["kipeenä"] = "kipeänä", ["kipeet"] = "kipeät",
        ["pomo"] = "esihenkilö", ["pomoks"] = "esihenkilöksi", ["pomona"] = "esihenkilönä",
        ["pomoa"] = "esihenkilöä", ["pomon"] = "esihenkilön", ["pomolle"] = "esihenkilölle", ["pomot"] = "esihenkilöt",
        ["meiän"] = "meidän", ["teiän"] = "teidän", ["mie"] = "minä", ["sie"] = "sinä", ["miun"] = "minun", ["siun"] = "sinun",
        ["miulla"] = "minulla", ["miule"] = "minulle", ["ku"] = "kun", ["nii"] = "niin", ["vähä"] = "vähän",
        ["semmonen"] = "sellainen", ["tällanen"] = "tällainen", ["tollanen"] = "tuollainen", ["sellanen"] = "sellainen",
        ["oikeesti"] = "oikeasti", ["ollu"] = "ollut", ["tullu"] = "tullut", ["menny"] = "mennyt", ["kattoo"] = "katsoo",
        ["ihmisii"] = "ihmisiä", ["tyyppii"] = "tyyppiä", ["juttuu"] = "juttua", ["hommii"] = "hommia",
    };

    /// <summary>Spoken openings of words, also inside compounds ("kesäduunari", "tavotteisiin").</summary>
    private static readonly (string Spoken, string Written)[] Openings =
    [
        ("kehkui", "kehityskeskustelui"), ("kehku", "kehityskeskustelu"),
        ("duunar", "työntekij"), ("duuni", "työ"), ("konttori", "toimisto"), ("tessi", "työehtosopimukse"),
        ("tavot", "tavoit"), ("alott", "aloitt"), ("alotta", "aloitta"),
    ];

    /// <summary>
    /// Common English words: an ask where they are a quarter of the words is English and is left as
    /// written, since "sit", "company" or "weeks" would otherwise be read as spoken Finnish.
    /// </summary>
    private static readonly HashSet<string> EnglishFunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "and", "or", "but", "to", "of", "in", "on", "at", "for", "with", "from", "is", "are",
        "was", "be", "been", "has", "have", "had", "do", "does", "i", "i'm", "im", "me", "my", "you", "your",
        "we", "our", "they", "their", "them", "he", "she", "her", "his", "it", "this", "that", "how", "what",
        "when", "who", "can", "not", "now", "after", "about", "so", "if", "any",
    };

    public static string Normalise(string text)
    {
        var words = SpokenWord().Matches(text);
        var english = words.Count(word => EnglishFunctionWords.Contains(word.Value.ToLowerInvariant()));
        if (english * 4 >= words.Count && english > 0)
        {
            return text;
        }

        return SpokenWord().Replace(text, static match => Written(match.Value) ?? match.Value);
    }

    private static string? Written(string word)
    {
        var lower = word.ToLowerInvariant();
        if (Words.TryGetValue(lower, out var whole))
        {
            return whole;
        }

        foreach (var (spoken, written) in Openings)
        {
            var at = lower.IndexOf(spoken, StringComparison.Ordinal);
            if (at >= 0)
            {
                return new StringBuilder(lower).Remove(at, spoken.Length).Insert(at, written).ToString();
            }
        }

        return Ending(lower);
    }

    /// <summary>Spoken Finnish drops the last sound of some endings; written forms put it back.</summary>
    private static string? Ending(string word)
    {
        if (word.Length < 5)
        {
            return null;
        }

        // -ks for -ksi (puheeks, lyhyemmiks), -nu/-ny/-llu/-lly for -nut/-nyt (alottanu, riidelly),
        // -ais/-äis for -aisi/-äisi (pitäis, kannattais).
        if (word.EndsWith("ks", StringComparison.Ordinal) || word.EndsWith("ais", StringComparison.Ordinal) || word.EndsWith("äis", StringComparison.Ordinal))
        {
            return word + "i";
        }

        if (word.EndsWith("nu", StringComparison.Ordinal) || word.EndsWith("ny", StringComparison.Ordinal)
            || word.EndsWith("llu", StringComparison.Ordinal) || word.EndsWith("lly", StringComparison.Ordinal))
        {
            return word + "t";
        }

        return null;
    }

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex SpokenWord();
}
