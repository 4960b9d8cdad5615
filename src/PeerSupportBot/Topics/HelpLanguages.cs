namespace PeerSupportBot.Topics;

/// <summary>The languages a member can help in.</summary>
internal static class HelpLanguages
{
    public static readonly IReadOnlyList<string> All = ["fi", "en", "sv"];

    public static IReadOnlyList<string> Known(IEnumerable<string> codes)
    {
        var wanted = codes.Select(code => code.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return [.. All.Where(wanted.Contains)];
    }
}
