using PeerSupportBot.Storage;

namespace PeerSupportBot.Asking;

/// <summary>
/// At most <see cref="MaxSends"/> requests sent per person per <see cref="Window"/>: each one
/// interrupts colleagues, so a runaway client or a misused account cannot flood a cohort.
/// AskAttempts holds a keyed hash of the person only, and the row goes when its window ends.
/// </summary>
internal sealed class AskThrottle(AttemptCounter counter)
{
    public const int MaxSends = 10;
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public static readonly AttemptLimit Limit = new("AskAttempts", MaxSends, Window);

    public Task<bool> IsBlockedAsync(string personKey, CancellationToken cancellationToken) =>
        counter.IsBlockedAsync(Limit, personKey, cancellationToken);

    public Task RecordSendAsync(string personKey, CancellationToken cancellationToken) =>
        counter.RecordAsync(Limit, personKey, cancellationToken);

    public Task ResetAsync(string personKey, CancellationToken cancellationToken) =>
        counter.ResetAsync(Limit, personKey, cancellationToken);
}
