namespace PeerSupportBot.Matching;

/// <summary>
/// Which letters a word holds, as bits: a..z and the Nordic letters each their own, anything else
/// shared. A stem holding a letter the word lacks is not in the word, so the matcher skips it
/// without comparing strings.
/// </summary>
internal static class LetterSet
{
    private const int Other = 63;

    public static ulong Of(string text)
    {
        var set = 0UL;
        foreach (var letter in text)
        {
            set |= 1UL << BitOf(letter);
        }

        return set;
    }

    private static int BitOf(char letter) => letter switch
    {
        >= 'a' and <= 'z' => letter - 'a',
        'ä' => 26,
        'ö' => 27,
        'å' => 28,
        >= 'A' and <= 'Z' => letter - 'A' + 29,
        _ => Other,
    };
}
