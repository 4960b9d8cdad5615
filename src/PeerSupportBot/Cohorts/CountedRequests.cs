namespace PeerSupportBot.Cohorts;

/// <summary>
/// The ids of the last requests a membership's monthly count took in, kept on the row, so that a
/// delivery finished twice (its message came back after storage failed) counts once. A few are
/// enough: a redelivery comes back within minutes, long before a helper gets that many more cards.
/// </summary>
internal static class CountedRequests
{
    public const int Kept = 8;

    public static bool Contains(string? counted, string requestId) =>
        !string.IsNullOrEmpty(counted) && counted.Split(' ').Contains(requestId, StringComparer.Ordinal);

    /// <summary><paramref name="counted"/> with <paramref name="requestId"/> added as the newest, the oldest dropped past <see cref="Kept"/>.</summary>
    public static string With(string? counted, string requestId) =>
        string.Join(' ', (counted ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(id => id != requestId).Append(requestId).TakeLast(Kept));
}
