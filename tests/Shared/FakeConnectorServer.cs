using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.Testing;

/// <summary>
/// A Bot Framework connector stand-in on a real Kestrel socket (127.0.0.1, a free port). It records
/// every request exactly as it arrived (escaped path, query, Authorization, body) and answers as
/// Teams' production <see cref="Rules"/> say, else with what <see cref="Respond"/> scripts, or with
/// a plausible success. Shared by both test projects.
/// </summary>
public sealed class FakeConnectorServer : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<RecordedRequest> _accepted = [];
    private readonly List<(Func<RecordedRequest, bool> Predicate, TaskCompletionSource<RecordedRequest> Completion)> _waiters = [];
    private readonly WebApplication _app;
    private int _idCounter;
    private int _abandoned;

    private FakeConnectorServer(WebApplication app, Uri serviceUrl)
    {
        _app = app;
        ServiceUrl = serviceUrl;
    }

    /// <summary>The base address to give the connector client, ending with '/'.</summary>
    public Uri ServiceUrl { get; }

    /// <summary>Teams' production rules, applied before any scripted answer.</summary>
    public TeamsRules Rules { get; } = new();

    /// <summary>
    /// Scripted answers. Null, or a function that returns null, means the default success for the
    /// request. Called after the request is recorded, so it may count earlier attempts.
    /// </summary>
    public Func<RecordedRequest, FakeResponse?>? Respond { get; set; }

    /// <summary>
    /// Scripted slowness, decided before the request is recorded: how long Teams takes to answer
    /// it. A request the caller gives up on meanwhile is not recorded (it never arrived).
    /// </summary>
    public Func<RecordedRequest, TimeSpan>? Delay { get; set; }

    /// <summary>How many slow requests the caller gave up on before they were answered.</summary>
    public int Abandoned => Volatile.Read(ref _abandoned);

    /// <summary>Every request so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <summary>The bodies of every POST or PUT to …/activities…, parsed as activities, whatever the answer.</summary>
    public IReadOnlyList<Activity> SentActivities => Activities(Requests);

    /// <summary>The activities Teams accepted (answered 2xx): what people actually see.</summary>
    public IReadOnlyList<Activity> DeliveredActivities
    {
        get
        {
            lock (_gate)
            {
                return Activities([.. _accepted]);
            }
        }
    }

    private static Activity[] Activities(IEnumerable<RecordedRequest> requests) =>
        requests
            .Where(request => request.IsActivityWrite && request.Body.Length > 0)
            .Select(request => JsonSerializer.Deserialize(request.Body, BotFrameworkJsonContext.Default.Activity)!)
            .ToArray();

    /// <summary>Starts the server on a free loopback port.</summary>
    public static async Task<FakeConnectorServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            EnvironmentName = "FakeConnector",
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The test project's own appsettings (a Kestrel section, say) must not move this server.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");

        var app = builder.Build();
        FakeConnectorServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();

        var address = app.Urls.Single();
        server = new FakeConnectorServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>
    /// The first request (already received or still to come) that matches; throws
    /// <see cref="TimeoutException"/> listing what did arrive when none does in time.
    /// </summary>
    public async Task<RecordedRequest> WaitForRequestAsync(Func<RecordedRequest, bool> predicate, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        TaskCompletionSource<RecordedRequest> completion;
        lock (_gate)
        {
            var already = _requests.FirstOrDefault(predicate);
            if (already is not null)
            {
                return already;
            }

            completion = new TaskCompletionSource<RecordedRequest>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((predicate, completion));
        }

        try
        {
            return await completion.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            lock (_gate)
            {
                _waiters.RemoveAll(waiter => waiter.Completion == completion);
            }

            var seen = string.Join(", ", Requests.Select(request => $"{request.Method} {request.RawPath}"));
            throw new TimeoutException($"No matching connector request within {timeout}. Received: [{seen}]");
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget
            ?? context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent();
        var request = new RecordedRequest(
            context.Request.Method,
            rawTarget,
            context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null,
            body);

        // A slow post is recorded when Teams answers it: one the bot gave up on meanwhile never arrived.
        var delay = request.IsActivityWrite ? Rules.PostDelay : TimeSpan.Zero;
        if (Delay?.Invoke(request) is { } scripted && scripted > delay)
        {
            delay = scripted;
        }

        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _abandoned);
                return;
            }
        }

        Record(request);
        var response = Rules.Apply(request) ?? Respond?.Invoke(request) ?? DefaultResponse(request);
        if (response.Status is >= 200 and < 300)
        {
            lock (_gate)
            {
                _accepted.Add(request);
            }
        }

        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body is not null)
        {
            if (!context.Response.Headers.ContainsKey("Content-Type"))
            {
                context.Response.ContentType = "application/json; charset=utf-8";
            }

            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }
    }

    private void Record(RecordedRequest request)
    {
        List<TaskCompletionSource<RecordedRequest>> matched = [];
        lock (_gate)
        {
            _requests.Add(request);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Predicate(request))
                {
                    matched.Add(_waiters[i].Completion);
                    _waiters.RemoveAt(i);
                }
            }
        }

        foreach (var completion in matched)
        {
            completion.TrySetResult(request);
        }
    }

    private FakeResponse DefaultResponse(RecordedRequest request)
    {
        var segments = request.PathSegments;
        var conversations = Array.IndexOf(segments, "conversations");
        var afterConversations = conversations < 0 ? [] : segments[(conversations + 1)..];
        var next = Interlocked.Increment(ref _idCounter).ToString(CultureInfo.InvariantCulture);

        return (request.Method, afterConversations) switch
        {
            ("POST", []) => Json(new { id = $"a:fake-{next}" }),
            ("POST" or "PUT", [_, "activities", ..]) => Json(new { id = next }),
            ("DELETE", _) => new FakeResponse(200),
            ("GET", [_, "members", var memberId]) => Json(FakeMember(memberId)),
            ("GET", [_, "pagedmembers"]) => Json(new { members = new[] { FakeMember("29:fake-member") } }),
            _ => new FakeResponse(200, "{}"),
        };
    }

    private static object FakeMember(string id) => new
    {
        id,
        name = "Fake Member",
        aadObjectId = "00000000-0000-0000-0000-00000000f4ce",
        email = "fake.member@contoso.example",
        userPrincipalName = "fake.member@contoso.example",
        tenantId = "fake-tenant",
        userRole = "user",
    };

    private static FakeResponse Json(object body) => new(200, JsonSerializer.Serialize(body));
}

/// <summary>A request as the fake connector received it.</summary>
/// <param name="Method">GET, POST, PUT or DELETE.</param>
/// <param name="RawPath">The request target as sent: still escaped, with the query string.</param>
/// <param name="Authorization">The Authorization header, or null when there was none.</param>
/// <param name="Body">The body as text; empty when there was none.</param>
public sealed record RecordedRequest(string Method, string RawPath, string? Authorization, string Body)
{
    /// <summary>The path without the query, still escaped.</summary>
    public string PathOnly => RawPath.Split('?', 2)[0];

    /// <summary>The query string without '?', still escaped; empty when there is none.</summary>
    public string Query => RawPath.Contains('?', StringComparison.Ordinal) ? RawPath.Split('?', 2)[1] : string.Empty;

    /// <summary>The path's segments, each unescaped.</summary>
    public string[] PathSegments =>
        PathOnly.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();

    /// <summary>True for a POST or PUT that sends or updates an activity.</summary>
    public bool IsActivityWrite =>
        Method is "POST" or "PUT" && PathSegments.Contains("activities", StringComparer.Ordinal);

    /// <summary>The body parsed as JSON; throws when it is not.</summary>
    public JsonElement BodyJson => JsonDocument.Parse(Body).RootElement.Clone();
}

/// <summary>A scripted connector answer.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body (JSON unless a Content-Type header says otherwise), or null for none.</param>
/// <param name="Headers">Extra response headers, such as Retry-After.</param>
public sealed record FakeResponse(int Status, string? Body = null, IReadOnlyDictionary<string, string>? Headers = null);
