using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace PeerSupportBot.TurnBench;

/// <summary>Which of the three is driven: the product, the least a turn can do, or the same work on the official SDK.</summary>
internal enum TargetKind
{
    Bot,
    Limit,
    Peer,
}

/// <summary>
/// One target as the benchmark drives it: its process, its endpoint, its own table proxy and
/// service URL, and its own people. What it answered is read from the HTTP answer (invokes) or
/// from the fake connector (replies), never from its storage.
/// </summary>
internal sealed class Target : IDisposable
{
    private readonly HttpClient _http;

    public Target(TargetKind kind, ChildProcess process, string endpoint, CountingProxy tables, FakeTeams teams, int connections)
    {
        Kind = kind;
        Process = process;
        Tables = tables;
        Teams = teams;
        Endpoint = new Uri(endpoint.TrimEnd('/') + "/api/messages");
        Activities = new Activities(teams.ServiceUrlFor(Name), Name[0] + "-");
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
        })
        {
            // Longer than any turn's own budget (the bot gives up after 8 s), so a slow answer is measured, not cut.
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public TargetKind Kind { get; }

    public string Name => Kind.ToString().ToLowerInvariant();

    public ChildProcess Process { get; }

    public CountingProxy Tables { get; }

    public FakeTeams Teams { get; }

    public Uri Endpoint { get; }

    public Activities Activities { get; }

    public ConnectorCounts Connector => Teams.CountsFor(Name);

    public Person NewPerson(int number)
    {
        var person = Person.Create(Name, number);
        Teams.Register(person);
        return person;
    }

    /// <summary>Posts one activity; the status, the body, and how long the answer took.</summary>
    public async Task<Answer> PostAsync(JsonObject activity, CancellationToken cancellationToken)
    {
        using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.PostAsync(Endpoint, content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return new Answer((int)response.StatusCode, body, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // A refused connection or a timeout is an answer too: a failed one.
            return new Answer(0, exception.GetType().Name, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>Waits until neither its tables nor the connector have heard from it for a while: its outbox is done.</summary>
    public async Task WaitUntilIdleAsync(TimeSpan quiet, TimeSpan atMost)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < atMost && (Tables.Quiet < quiet || Teams.Quiet < quiet))
        {
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        Process.Dispose();
    }
}

/// <summary>A target's answer to one activity.</summary>
internal sealed record Answer(int Status, string Body, TimeSpan Elapsed)
{
    public bool Ok => Status == 200;
}
