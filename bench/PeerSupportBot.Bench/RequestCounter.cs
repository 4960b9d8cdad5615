using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PeerSupportBot.Bench;

/// <summary>
/// Counts every HTTP request the table clients send, retries included, and how long each took
/// from sending to the response, by kind ("query CohortMembers", "read Contacts"). Timings on a
/// shared two-core machine are noisy; the number of storage requests a match makes is exact.
/// </summary>
internal sealed class RequestCounter(string tablePrefix) : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, RequestKind> _kinds = new(StringComparer.Ordinal);
    private readonly Lock _busyGate = new();
    private long _count;
    private int _inFlight;
    private long _busySince;
    private long _busyTicks;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>
    /// Wall-clock time with at least one request in flight. Requests sent together overlap, so
    /// their summed durations would exceed the match itself and leave a negative "app" time.
    /// </summary>
    public TimeSpan Elapsed
    {
        get
        {
            lock (_busyGate)
            {
                return Stopwatch.GetElapsedTime(0, _busyTicks);
            }
        }
    }

    public IReadOnlyDictionary<string, RequestKind> Kinds => _kinds;

    /// <summary>Forgets the per-kind figures (the seeding's, the warm-up's); Count and Elapsed keep growing.</summary>
    public void ResetKinds() => _kinds.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Begin();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            End(message, started);
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Begin();
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            End(message, started);
        }
    }

    private long Begin()
    {
        var now = Stopwatch.GetTimestamp();
        lock (_busyGate)
        {
            if (_inFlight++ == 0)
            {
                _busySince = now;
            }
        }

        return now;
    }

    private void End(HttpMessage message, long started)
    {
        var now = Stopwatch.GetTimestamp();
        lock (_busyGate)
        {
            if (--_inFlight == 0)
            {
                _busyTicks += now - _busySince;
            }
        }

        Interlocked.Increment(ref _count);
        _kinds.GetOrAdd(KindOf(message.Request), _ => new RequestKind()).Add(now - started);
    }

    /// <summary>"read Contacts" for a point read (Table(PartitionKey=…,RowKey=…)), "query CohortMembers" for a filter, else method and path.</summary>
    private string KindOf(Request request)
    {
        var path = request.Uri.Path;
        var table = path[(path.LastIndexOf('/') + 1)..];
        var parenthesis = table.IndexOf('(', StringComparison.Ordinal);
        var name = parenthesis < 0 ? table : table[..parenthesis];
        if (name.StartsWith(tablePrefix, StringComparison.Ordinal))
        {
            name = name[tablePrefix.Length..];
        }

        var verb = request.Method == RequestMethod.Get
            ? (table.Contains("PartitionKey=", StringComparison.Ordinal) ? "read" : "query")
            : request.Method.Method;
        return verb + " " + name;
    }
}

/// <summary>How many requests of one kind were sent and how long they took together.</summary>
internal sealed class RequestKind
{
    private long _count;
    private long _ticks;

    public long Count => Interlocked.Read(ref _count);

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _ticks));

    public void Add(long ticks)
    {
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _ticks, ticks);
    }
}
