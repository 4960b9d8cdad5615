using Microsoft.Extensions.Time.Testing;

namespace PeerSupportBot.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that says when the code under test starts waiting and when a
/// wait ends, so a test proves "not yet" by the timer not having fired, never by sleeping. The
/// fake fires due timers inside <see cref="Advance"/>, so right after it returns the count is exact.
/// </summary>
internal sealed class WatchedClock(DateTimeOffset start) : TimeProvider
{
    private readonly FakeTimeProvider _fake = new(start);
    private readonly Lock _gate = new();
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Started)> _waiters = [];
    private readonly List<TimeSpan> _started = [];
    private readonly List<TimeSpan> _fired = [];

    /// <summary>How many timers due after <paramref name="dueTime"/> have fired so far.</summary>
    public int Fired(TimeSpan dueTime)
    {
        lock (_gate)
        {
            return _fired.Count(fired => fired == dueTime);
        }
    }

    public void Advance(TimeSpan delta) => _fake.Advance(delta);

    /// <summary>Completes once the code under test has started a timer due after <paramref name="dueTime"/> (already or later).</summary>
    public Task WaitStartedAsync(TimeSpan dueTime)
    {
        lock (_gate)
        {
            if (_started.Contains(dueTime))
            {
                return Task.CompletedTask;
            }

            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((dueTime, started));
            return started.Task;
        }
    }

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = _fake.CreateTimer(
            value =>
            {
                lock (_gate)
                {
                    _fired.Add(dueTime);
                }

                callback(value);
            },
            state,
            dueTime,
            period);
        List<TaskCompletionSource> matched;
        lock (_gate)
        {
            _started.Add(dueTime);
            matched = [.. _waiters.Where(waiter => waiter.DueTime == dueTime).Select(waiter => waiter.Started)];
            _waiters.RemoveAll(waiter => waiter.DueTime == dueTime);
        }

        matched.ForEach(started => started.TrySetResult());
        return timer;
    }
}
