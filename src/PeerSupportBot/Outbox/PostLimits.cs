using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace PeerSupportBot.Outbox;

/// <summary>
/// Teams' limits, kept before a post rather than learnt from 429s: at most N posts in any one
/// second into one conversation, and M requests a second per tenant. A post counts from when its
/// answer came back, so however long it travelled, Teams saw it inside the window we counted.
/// Wall-clock time, whatever clock the app runs on, because the limits are Teams' own. A
/// conversation quiet for a window holds nothing to remember, so the bot forgets it: every
/// person ever written to would otherwise stay in memory for the life of the process.
/// </summary>
internal sealed class PostLimits(IOptions<OutboxOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    // How often the quiet conversations are forgotten, in posts: rarely enough to cost nothing.
    private const int ForgetQuietEvery = 1_000;

    private readonly ConcurrentDictionary<string, SlidingLimit> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SlidingLimit> _tenants = new(StringComparer.OrdinalIgnoreCase);
    private int _acquired;

    /// <summary>Teams' clock: the system's, except in a test of the limits themselves.</summary>
    internal TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>How many conversations the limits remember now.</summary>
    internal int ConversationsRemembered => _conversations.Count;

    /// <summary>Waits for a place in both limits; dispose the result when Teams has answered the post.</summary>
    public async Task<IDisposable> AcquireAsync(string conversationId, string? tenantId, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _acquired) % ForgetQuietEvery == 0)
        {
            ForgetQuiet(_conversations);
            ForgetQuiet(_tenants);
        }

        var settings = options.Value;
        var tenant = await AcquireInAsync(_tenants, tenantId ?? "", settings.RequestsPerSecondPerTenant, cancellationToken);
        try
        {
            var conversation = await AcquireInAsync(_conversations, conversationId, settings.PostsPerSecondPerConversation, cancellationToken);
            return new Lease(tenant, conversation);
        }
        catch
        {
            tenant.Release();
            throw;
        }
    }

    private async Task<SlidingLimit> AcquireInAsync(ConcurrentDictionary<string, SlidingLimit> limits, string key, int limit, CancellationToken cancellationToken)
    {
        while (true)
        {
            var sliding = limits.GetOrAdd(key, _ => new SlidingLimit(limit, Clock));
            if (await sliding.AcquireAsync(cancellationToken))
            {
                return sliding;
            }

            limits.TryRemove(new KeyValuePair<string, SlidingLimit>(key, sliding));
        }
    }

    private static void ForgetQuiet(ConcurrentDictionary<string, SlidingLimit> limits)
    {
        foreach (var entry in limits)
        {
            if (entry.Value.TryRetire())
            {
                limits.TryRemove(entry);
            }
        }
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
    private sealed class SlidingLimit(int limit, TimeProvider clock)
    {
        private static readonly TimeSpan Recheck = TimeSpan.FromMilliseconds(20);

        private readonly Lock _gate = new();
        private readonly Queue<DateTimeOffset> _answered = new();
        private int _inFlight;
        private bool _retired;

        /// <summary>False when this limit was retired meanwhile: take the conversation's current one.</summary>
        public async Task<bool> AcquireAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    if (_retired)
                    {
                        return false;
                    }

                    var now = clock.GetUtcNow();
                    while (_answered.Count > 0 && now - _answered.Peek() >= Window)
                    {
                        _answered.Dequeue();
                    }

                    if (_answered.Count + _inFlight < limit)
                    {
                        _inFlight++;
                        return true;
                    }

                    // Full: the oldest answered post leaves the window first; or one in flight comes back.
                    wait = _answered.Count > 0 ? _answered.Peek() + Window - now : Recheck;
                }

                await Task.Delay(wait < Recheck ? wait : Recheck, clock, cancellationToken);
            }
        }

        public void Release()
        {
            lock (_gate)
            {
                _inFlight--;
                _answered.Enqueue(clock.GetUtcNow());
            }
        }

        /// <summary>Retires the limit when nothing is in flight and nothing was answered within the window: it remembers nothing.</summary>
        public bool TryRetire()
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                _retired = _inFlight == 0 && _answered.All(answered => now - answered >= Window);
                return _retired;
            }
        }
    }
}
