using Azure.Core;
using Azure.Core.Pipeline;

namespace PeerSupportBot.Bench;

/// <summary>
/// Counts every HTTP request the table clients send, retries included. Timings on a shared
/// two-core machine are noisy; the number of storage requests a match makes is exact.
/// </summary>
internal sealed class RequestCounter : HttpPipelinePolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        return ProcessNextAsync(message, pipeline);
    }
}
