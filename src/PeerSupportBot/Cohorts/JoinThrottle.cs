using PeerSupportBot.Storage;

namespace PeerSupportBot.Cohorts;

/// <summary>
/// Slows down guessing of join codes: after <see cref="MaxFailures"/> wrong codes within
/// <see cref="Window"/>, a person's further tries are refused until the window has passed.
/// JoinAttempts holds a keyed hash of the person only, and the row goes when its window ends.
/// </summary>
internal sealed class JoinThrottle(AttemptCounter counter)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    public static readonly AttemptLimit Limit = new("JoinAttempts", MaxFailures, Window);

    public Task<bool> IsBlockedAsync(string personKey, CancellationToken cancellationToken) =>
        counter.IsBlockedAsync(Limit, personKey, cancellationToken);

    public Task RecordFailureAsync(string personKey, CancellationToken cancellationToken) =>
        counter.RecordAsync(Limit, personKey, cancellationToken);

    public Task ResetAsync(string personKey, CancellationToken cancellationToken) =>
        counter.ResetAsync(Limit, personKey, cancellationToken);
}
