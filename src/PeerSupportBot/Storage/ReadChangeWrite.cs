using Azure;

namespace PeerSupportBot.Storage;

/// <summary>
/// Optimistic concurrency, once for every store: an attempt reads, decides and writes only if
/// nobody wrote in between (ETag match, insert-if-absent). When someone did, the attempt runs
/// again on what they wrote, so two clicks or two bot instances never lose a change; a bounded
/// number of times, so a row that keeps changing cannot hold a turn.
/// </summary>
internal static class ReadChangeWrite
{
    public const int MaxAttempts = 5;

    /// <param name="attempt">Reads, decides, writes. Overtaken (or a 404, 409 or 412 from the write) means another writer came first.</param>
    /// <param name="keptLosing">The result when every attempt was overtaken.</param>
    /// <param name="maxAttempts">How many times to try before giving up.</param>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<WriteAttempt<T>>> attempt, Func<T> keptLosing, CancellationToken cancellationToken, int maxAttempts = MaxAttempts)
    {
        for (var tried = 0; tried < maxAttempts; tried++)
        {
            if (tried > 0)
            {
                // A short random pause, growing with each loss, so writers racing for one row (several
                // bot instances) spread out instead of colliding again in step.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 20) * tried), cancellationToken);
            }

            try
            {
                var outcome = await attempt(cancellationToken);
                if (!outcome.Overtaken)
                {
                    return outcome.Result;
                }
            }
            catch (RequestFailedException exception) when (IsOvertaken(exception))
            {
                // Written (409, 412) or deleted (404) since it was read: read again and decide on that.
            }
        }

        return keptLosing();
    }

    /// <summary>A conditional write that lost: the row was written or deleted since it was read.</summary>
    public static bool IsOvertaken(RequestFailedException exception) => exception.Status is 404 or 409 or 412;
}

/// <summary>What one attempt of a read-change-write came to: settled with a result, or overtaken by another writer.</summary>
internal readonly record struct WriteAttempt<T>(bool Overtaken, T Result)
{
    public static WriteAttempt<T> Settled(T result) => new(false, result);

    public static WriteAttempt<T> Lost() => new(true, default!);
}
