using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PeerSupportBot.TurnBench;

/// <summary>
/// Teams' Bot Connector as the three targets see it, on a loopback Kestrel socket: it opens 1:1
/// chats (POST /v3/conversations answers the person's one personal chat), answers member look-ups
/// (with a UPN, as Teams does), and accepts every post. Each target gets its own service URL
/// (…/{target}/), so what each one sends is counted apart. Replies are kept by the id of the
/// activity they answer until the benchmark has checked them; proactive posts are only counted.
/// </summary>
internal sealed class FakeTeams : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Person> _peopleByUserId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> _replies = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConnectorCounts> _counts = new(StringComparer.Ordinal);
    private long _lastRequestTicks = Stopwatch.GetTimestamp();
    private long _ids;

    private FakeTeams(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public string Address { get; }

    public static async Task<FakeTeams> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakeTeams? teams = null;
        app.Run(context => teams!.HandleAsync(context));
        await app.StartAsync();
        teams = new FakeTeams(app, app.Urls.Single().TrimEnd('/'));
        return teams;
    }

    /// <summary>The service URL a target's activities carry: the bot calls back there.</summary>
    public string ServiceUrlFor(string target) => $"{Address}/{target}/";

    public void Register(Person person) => _peopleByUserId[person.UserId] = person;

    public ConnectorCounts CountsFor(string target) => _counts.GetOrAdd(target, _ => new ConnectorCounts());

    /// <summary>The time since the connector last heard from anyone: the outbox is idle once this grows.</summary>
    public TimeSpan Quiet => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastRequestTicks));

    /// <summary>Takes every reply posted to the activity with this id (removing them), oldest first.</summary>
    public IReadOnlyList<string> TakeReplies(string activityId) =>
        _replies.TryRemove(activityId, out var bodies) ? [.. bodies] : [];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Exchange(ref _lastRequestTicks, Stopwatch.GetTimestamp());
        var segments = context.Request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var target = segments.Length > 0 ? segments[0] : "";
        var counts = CountsFor(target);
        var conversations = Array.IndexOf(segments, "conversations");
        var rest = conversations < 0 ? [] : segments[(conversations + 1)..];
        var method = context.Request.Method;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);

        switch (method, rest)
        {
            case ("POST", []):
                // Teams opens (or returns) the one 1:1 chat between the bot and the member.
                ConnectorCounts.Add(ref counts.ConversationsCreated);
                var memberId = JsonNode.Parse(body)?["members"]?[0]?["id"]?.GetValue<string>() ?? "";
                await WriteAsync(context, _peopleByUserId.TryGetValue(memberId, out var person)
                    ? new JsonObject { ["id"] = person.ConversationId }
                    : null);
                return;
            case ("GET", [_, "members", var userId]):
                ConnectorCounts.Add(ref counts.MemberLookups);
                await WriteAsync(context, _peopleByUserId.TryGetValue(userId, out var member)
                    ? new JsonObject { ["id"] = member.UserId, ["name"] = member.Name, ["aadObjectId"] = member.Key, ["userPrincipalName"] = member.Upn, ["tenantId"] = Person.TenantId }
                    : null);
                return;
            case ("POST", [_, "activities", var replyToId]):
                ConnectorCounts.Add(ref counts.Replies);
                _replies.GetOrAdd(replyToId, _ => new ConcurrentQueue<string>()).Enqueue(body);
                await WriteAsync(context, NewId());
                return;
            case ("POST", [_, "activities"]):
                // SendToConversation: a reply if it names the activity it answers, else a proactive post.
                if (JsonNode.Parse(body)?["replyToId"]?.GetValue<string>() is { Length: > 0 } answered)
                {
                    ConnectorCounts.Add(ref counts.Replies);
                    _replies.GetOrAdd(answered, _ => new ConcurrentQueue<string>()).Enqueue(body);
                }
                else
                {
                    ConnectorCounts.Add(ref counts.ProactivePosts);
                }

                await WriteAsync(context, NewId());
                return;
            case ("PUT", [_, "activities", _]):
                ConnectorCounts.Add(ref counts.Updates);
                await WriteAsync(context, NewId());
                return;
            default:
                ConnectorCounts.Add(ref counts.Other);
                await WriteAsync(context, new JsonObject());
                return;
        }
    }

    private JsonObject NewId() => new() { ["id"] = "1:" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture) };

    private static Task WriteAsync(HttpContext context, JsonObject? body)
    {
        if (body is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}

/// <summary>What one target asked of the connector.</summary>
internal sealed class ConnectorCounts
{
    public long Replies;
    public long ProactivePosts;
    public long Updates;
    public long ConversationsCreated;
    public long MemberLookups;
    public long Other;

    public long Total => Interlocked.Read(ref Replies) + Interlocked.Read(ref ProactivePosts) + Interlocked.Read(ref Updates)
        + Interlocked.Read(ref ConversationsCreated) + Interlocked.Read(ref MemberLookups) + Interlocked.Read(ref Other);

    public static void Add(ref long counter) => Interlocked.Increment(ref counter);
}
