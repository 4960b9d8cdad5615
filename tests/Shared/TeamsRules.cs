using System.Collections.Concurrent;
using System.Text.Json;

namespace PeerSupportBot.Testing;

/// <summary>
/// Teams' production rules, which a fake connector meets only if it is given them (the sources
/// are in ../shared/PROTOCOL.md): no 1:1 chat with someone who has not installed the app
/// personally (403 ForbiddenOperationException), 403 with no code after a personal uninstall,
/// 403 ConversationBlockedByUser for a block, 404 ConversationNotFound for a deleted chat, and
/// 429 with Retry-After past 7 posts in one second into one conversation. Every post can also be
/// made to take a while, as Teams sometimes does.
/// </summary>
public sealed class TeamsRules
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, byte> _withoutPersonalApp = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeResponse> _conversations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _posts = new(StringComparer.Ordinal);
    private readonly List<string> _throttledIn = [];
    private int _throttled;
    private int _answered;

    /// <summary>How many posts a second one conversation takes before 429; Teams' is 7.</summary>
    public int PostsPerSecond { get; set; } = 7;

    /// <summary>How long every post (a send or an update) takes to be accepted.</summary>
    public TimeSpan PostDelay { get; set; }

    /// <summary>How many posts were answered 429 so far.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>The conversations a 429 went to, one entry per 429.</summary>
    public IReadOnlyList<string> ThrottledConversations
    {
        get
        {
            lock (_throttledIn)
            {
                return [.. _throttledIn];
            }
        }
    }

    /// <summary>How many posts (sends and updates) Teams has answered so far, whatever it answered.</summary>
    public int PostsAnswered => Volatile.Read(ref _answered);

    /// <summary>The person has the app only through a group chat: the bot cannot open a 1:1 chat with them.</summary>
    public void WithoutPersonalApp(string userId) => _withoutPersonalApp[userId] = 0;

    /// <summary>The person removed the app personally: every post to their chat is refused, mostly with no code.</summary>
    public void Uninstalled(string userId, string personalConversationId)
    {
        _withoutPersonalApp[userId] = 0;
        _conversations[personalConversationId] = new FakeResponse(403, "");
    }

    /// <summary>The person installed the app again (or for the first time).</summary>
    public void Installed(string userId, string personalConversationId)
    {
        _withoutPersonalApp.TryRemove(userId, out _);
        _conversations.TryRemove(personalConversationId, out _);
    }

    public void Blocked(string conversationId) =>
        _conversations[conversationId] = new FakeResponse(403, """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""");

    public void ChatDeleted(string conversationId) =>
        _conversations[conversationId] = new FakeResponse(404, """{"error":{"code":"ConversationNotFound","message":"Conversation not found."}}""");

    /// <summary>The rule's answer to the request, or null when no rule applies.</summary>
    public FakeResponse? Apply(RecordedRequest request)
    {
        var segments = request.PathSegments;
        var conversations = Array.IndexOf(segments, "conversations");
        if (conversations < 0)
        {
            return null;
        }

        if (request.Method == "POST" && conversations == segments.Length - 1)
        {
            return CreatesChatWithoutApp(request)
                ? new FakeResponse(403, """{"error":{"code":"ForbiddenOperationException","message":"Bot is not installed in user's personal scope"}}""")
                : null;
        }

        if (conversations + 1 >= segments.Length || !request.IsActivityWrite)
        {
            return null;
        }

        Interlocked.Increment(ref _answered);
        var conversationId = segments[conversations + 1];
        if (_conversations.TryGetValue(conversationId, out var refusal))
        {
            return refusal;
        }

        return CountPost(conversationId)
            ? null
            : new FakeResponse(429, """{"error":{"code":"Throttled","message":"Too many requests"}}""", new Dictionary<string, string> { ["Retry-After"] = "1" });
    }

    private bool CreatesChatWithoutApp(RecordedRequest request)
    {
        try
        {
            return request.BodyJson.TryGetProperty("members", out var members) && members.ValueKind == JsonValueKind.Array
                && members.EnumerateArray().Any(member => member.TryGetProperty("id", out var id) && id.GetString() is { } userId && _withoutPersonalApp.ContainsKey(userId));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // True when the post is within the limit; a refused post does not count towards it.
    private bool CountPost(string conversationId)
    {
        var now = DateTimeOffset.UtcNow;
        var posts = _posts.GetOrAdd(conversationId, _ => new Queue<DateTimeOffset>());
        lock (posts)
        {
            while (posts.Count > 0 && now - posts.Peek() >= Window)
            {
                posts.Dequeue();
            }

            if (posts.Count >= PostsPerSecond)
            {
                Interlocked.Increment(ref _throttled);
                lock (_throttledIn)
                {
                    _throttledIn.Add(conversationId);
                }

                return false;
            }

            posts.Enqueue(now);
            return true;
        }
    }
}
