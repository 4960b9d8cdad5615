using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PeerSupportBot.Outbox;

/// <summary>
/// Teams' limits, kept before a post rather than learnt from 429s: at most N posts in any one
/// second into one conversation, and M requests a second per tenant. Wall-clock time, whatever
/// clock the app runs on, because the limits are Teams' own.
/// </summary>
internal sealed class PostLimits(IOptions<OutboxOptions> options) : IDisposable
{
    // A little over a second, so the limit holds however the other side aligns its window.
    private static readonly TimeSpan Window = TimeSpan.FromMilliseconds(1050);

    private readonly ConcurrentDictionary<string, SlidingLimit> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SlidingLimit> _tenants = new(StringComparer.OrdinalIgnoreCase);

    public async Task WaitAsync(string conversationId, string? tenantId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await _tenants.GetOrAdd(tenantId ?? "", _ => new SlidingLimit(settings.RequestsPerSecondPerTenant)).WaitAsync(cancellationToken);
        await _conversations.GetOrAdd(conversationId, _ => new SlidingLimit(settings.PostsPerSecondPerConversation)).WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        foreach (var limit in _conversations.Values.Concat(_tenants.Values))
        {
            limit.Dispose();
        }
    }

    /// <summary>At most <c>limit</c> passes in any window; callers beyond that wait their turn, oldest first.</summary>
    private sealed class SlidingLimit(int limit) : IDisposable
    {
        private readonly SemaphoreSlim _turn = new(1, 1);
        private readonly Queue<DateTimeOffset> _passed = new();

        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            await _turn.WaitAsync(cancellationToken);
            try
            {
                var now = TimeProvider.System.GetUtcNow();
                while (_passed.Count > 0 && now - _passed.Peek() >= Window)
                {
                    _passed.Dequeue();
                }

                if (_passed.Count >= limit)
                {
                    var wait = _passed.Peek() + Window - now;
                    await Task.Delay(wait, TimeProvider.System, cancellationToken);
                    _passed.Dequeue();
                }

                _passed.Enqueue(TimeProvider.System.GetUtcNow());
            }
            finally
            {
                _turn.Release();
            }
        }

        public void Dispose() => _turn.Dispose();
    }
}
