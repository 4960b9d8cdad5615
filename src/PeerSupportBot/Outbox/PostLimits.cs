using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PeerSupportBot.Outbox;

/// <summary>
/// Teams' limits, kept before a post rather than learnt from 429s: at most N posts in any one
/// second into one conversation, and M requests a second per tenant. A post counts from when its
/// answer came back, so however long it travelled, Teams saw it inside the window we counted.
/// Wall-clock time, whatever clock the app runs on, because the limits are Teams' own.
/// </summary>
internal sealed class PostLimits(IOptions<OutboxOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, SlidingLimit> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SlidingLimit> _tenants = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for a place in both limits; dispose the result when Teams has answered the post.</summary>
    public async Task<IDisposable> AcquireAsync(string conversationId, string? tenantId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var tenant = _tenants.GetOrAdd(tenantId ?? "", _ => new SlidingLimit(settings.RequestsPerSecondPerTenant));
        var conversation = _conversations.GetOrAdd(conversationId, _ => new SlidingLimit(settings.PostsPerSecondPerConversation));
        await tenant.AcquireAsync(cancellationToken);
        try
        {
            await conversation.AcquireAsync(cancellationToken);
        }
        catch
        {
            tenant.Release();
            throw;
        }

        return new Lease(tenant, conversation);
    }

    private sealed class Lease(SlidingLimit tenant, SlidingLimit conversation) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                conversation.Release();
                tenant.Release();
            }
        }
    }

    /// <summary>At most <c>limit</c> posts in flight or answered within the last window.</summary>
    private sealed class SlidingLimit(int limit)
    {
        private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(20);

        private readonly Lock _gate = new();
        private readonly Queue<DateTimeOffset> _answered = new();
        private int _inFlight;

        public async Task AcquireAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    var now = TimeProvider.System.GetUtcNow();
                    while (_answered.Count > 0 && now - _answered.Peek() >= Window)
                    {
                        _answered.Dequeue();
                    }

                    if (_answered.Count + _inFlight < limit)
                    {
                        _inFlight++;
                        return;
                    }

                    // Full: the oldest answered post leaves the window first; or one in flight comes back.
                    wait = _answered.Count > 0 ? _answered.Peek() + Window - now : Recheck;
                }

                await Task.Delay(wait < Recheck ? wait : Recheck, TimeProvider.System, cancellationToken);
            }
        }

        public void Release()
        {
            lock (_gate)
            {
                _inFlight--;
                _answered.Enqueue(TimeProvider.System.GetUtcNow());
            }
        }
    }
}
