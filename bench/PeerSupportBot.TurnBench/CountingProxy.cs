using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PeerSupportBot.TurnBench;

/// <summary>
/// Stands in front of Azurite's table service for one target and counts every request it
/// forwards, by kind. The targets are in three languages and runtimes; counting on the wire is
/// the one way that counts them all alike, retries and batches included (a batch is one
/// request, as Table Storage bills it). Shared-key signatures cover the path, the date and the
/// content type, never the host, so forwarding unchanged keeps them valid.
/// </summary>
internal sealed class CountingProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Content-Length", "Expect",
    };

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly Uri _upstreamBase;
    private readonly ConcurrentDictionary<string, long> _kinds = new(StringComparer.Ordinal);
    private long _count;
    private long _lastRequestTicks = Stopwatch.GetTimestamp();

    private CountingProxy(WebApplication app, Uri upstreamBase)
    {
        _app = app;
        _upstreamBase = upstreamBase;
        _upstream = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseCookies = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>http://127.0.0.1:port: put it where the target expects its table endpoint's host.</summary>
    public string Address { get; private set; } = "";

    public long Count => Interlocked.Read(ref _count);

    /// <summary>The time since the last request: a target's background work is done once this grows.</summary>
    public TimeSpan Quiet => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastRequestTicks));

    /// <summary>A snapshot of the counts by kind ("read", "query", "batch", "upsert", …).</summary>
    public IReadOnlyDictionary<string, long> Kinds => new Dictionary<string, long>(_kinds, StringComparer.Ordinal);

    public static async Task<CountingProxy> StartAsync(int upstreamPort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var proxy = new CountingProxy(app, new Uri($"http://127.0.0.1:{upstreamPort}"));
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        proxy.Address = app.Urls.Single().TrimEnd('/');
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        Interlocked.Increment(ref _count);
        Interlocked.Exchange(ref _lastRequestTicks, Stopwatch.GetTimestamp());
        _kinds.AddOrUpdate(KindOf(request.Method, request.Path.Value ?? "", request.QueryString.Value ?? ""), 1, (_, count) => count + 1);

        var target = new Uri(_upstreamBase, request.Path.ToUriComponent() + request.QueryString.ToUriComponent());
        using var forwarded = new HttpRequestMessage(new HttpMethod(request.Method), target);
        var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        if (body.Length > 0 || request.ContentLength is not null)
        {
            body.Position = 0;
            forwarded.Content = new StreamContent(body);
        }

        foreach (var (name, values) in request.Headers)
        {
            if (HopHeaders.Contains(name))
            {
                continue;
            }

            // Content headers exactly as sent: the signature covers Content-Type.
            if (!forwarded.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                forwarded.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var answer = await _upstream.SendAsync(forwarded, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
        context.Response.StatusCode = (int)answer.StatusCode;
        foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
        {
            if (!HopHeaders.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        await answer.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>What Table Storage would call the request: a point read, a query, a batch, a write.</summary>
    private static string KindOf(string method, string path, string query)
    {
        var point = path.Contains("(PartitionKey=", StringComparison.Ordinal);
        return method switch
        {
            "GET" when path.EndsWith("/Tables", StringComparison.Ordinal) || path.Contains("/Tables(", StringComparison.Ordinal) => "table",
            "GET" => point ? "read" : "query",
            "POST" when path.EndsWith("/$batch", StringComparison.Ordinal) => "batch",
            "POST" when path.EndsWith("/Tables", StringComparison.Ordinal) => "table",
            "POST" => "insert",
            "PUT" or "MERGE" or "PATCH" => "write",
            "DELETE" => "delete",
            _ => method + (query.Length > 0 ? "?" : ""),
        };
    }
}
