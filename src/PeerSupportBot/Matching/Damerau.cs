namespace PeerSupportBot.Matching;

/// <summary>Optimal string alignment distance, answered only as "at most one edit".</summary>
internal static class Damerau
{
    public static bool WithinOne(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var common = 0;
        while (common < a.Length && common < b.Length && a[common] == b[common])
        {
            common++;
        }

        if (common == a.Length && common == b.Length)
        {
            return true;
        }

        var restA = a[common..];
        var restB = b[common..];
        return restA.Length.CompareTo(restB.Length) switch
        {
            0 => restA[1..].SequenceEqual(restB[1..])
                || (restA.Length >= 2 && restA[0] == restB[1] && restA[1] == restB[0] && restA[2..].SequenceEqual(restB[2..])),
            > 0 => restA[1..].SequenceEqual(restB),
            _ => restA.SequenceEqual(restB[1..]),
        };
    }
}
