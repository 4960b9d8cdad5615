using System.Diagnostics;

namespace PeerSupportBot.TurnBench;

/// <summary>What the proxy counted for one target beside what Azurite itself logged meanwhile.</summary>
internal sealed record Audit(TargetKind Target, long Proxy, long AzuriteLog)
{
    public bool Agrees => Proxy == AzuriteLog;
}

/// <summary>
/// Azurite's --debug log: one "TableStorageContextMiddleware: RequestMethod=…" line for every
/// request it received, whoever sent it. The independent count the proxies are checked against.
/// </summary>
internal static class AzuriteLog
{
    private const string RequestLine = "TableStorageContextMiddleware: RequestMethod=";

    /// <summary>The requests logged so far, once the log has stopped growing (Azurite writes it asynchronously).</summary>
    public static async Task<long> CountRequestsAsync(string path)
    {
        var waited = Stopwatch.StartNew();
        var length = -1L;
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            var now = new FileInfo(path).Length;
            if (now == length)
            {
                break;
            }

            length = now;
            await Task.Delay(500);
        }

        long count = 0;
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.Contains(RequestLine, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }
}
