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
    private long _count;
    private long _elapsedTicks;

    public long Count => Interlocked.Read(ref _count);

    /// <summary>Time spent waiting for storage, summed over requests (Stopwatch ticks).</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _elapsedTicks));

    public IReadOnlyDictionary<string, RequestKind> Kinds => _kinds;

    /// <summary>Forgets the per-kind figures (the seeding's, the warm-up's); Count and Elapsed keep growing.</summary>
    public void ResetKinds() => _kinds.Clear();

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        ProcessNext(message, pipeline);
        Record(message, started);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Stopwatch.GetTimestamp();
        await ProcessNextAsync(message, pipeline);
        Record(message, started);
    }

    private void Record(HttpMessage message, long started)
    {
        var ticks = Stopwatch.GetTimestamp() - started;
        Interlocked.Increment(ref _count);
        Interlocked.Add(ref _elapsedTicks, ticks);
        _kinds.GetOrAdd(KindOf(message.Request), _ => new RequestKind()).Add(ticks);
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
