using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Testing;

namespace PeerSupportBot.Tests.Infrastructure;

/// <summary>
/// Several people, their 1:1 chats with the bot and one course group chat, all Teams-shaped,
/// talking to the real app (Azurite behind it) through POST /api/messages. The fake connector
/// plays Teams: it opens 1:1 chats, answers member look-ups, and records what the bot sent.
/// </summary>
public sealed class TeamsWorld : IAsyncLifetime
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:00000000-0000-0000-0000-00000000b07a";

    private readonly ConcurrentDictionary<string, TeamsPerson> _peopleByUserId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _clock;
    private readonly bool _runSweep;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly bool _runOutbox;
    private int _activityCounter;

    public TeamsWorld(IDictionary<string, string?>? settings = null, TimeProvider? clock = null, bool runSweep = true, Action<IServiceCollection>? configureServices = null, bool runOutbox = true)
    {
        _runOutbox = runOutbox;
        _settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        _clock = clock;
        _runSweep = runSweep;
        _configureServices = configureServices;
    }

    public BotApplication App { get; private set; } = null!;

    public FakeConnectorServer Connector { get; private set; } = null!;

    /// <summary>Where the people's activities go: <see cref="App"/> unless a bot process is set here.</summary>
    public IBotEndpoint? Via { get; set; }

    public string GroupChatId { get; } = "19:" + Guid.NewGuid().ToString("N") + "@thread.v2";

    public async Task InitializeAsync()
    {
        Connector = await FakeConnectorServer.StartAsync();
        Connector.Respond = Answer;
        App = new BotApplication(_settings, _clock, _runSweep, _configureServices, _runOutbox);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Connector.DisposeAsync();
    }

    public TeamsPerson Person(string name, string locale = "fi-FI", string? aadObjectId = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var person = new TeamsPerson(
            name,
            "29:1" + id,
            aadObjectId ?? Guid.NewGuid().ToString(),
            "a:1" + Guid.NewGuid().ToString("N"),
            name.Split(' ')[0].ToLowerInvariant() + "." + id[..6] + "@contoso.example",
            locale);
        _peopleByUserId[person.UserId] = person;
        return person;
    }

    /// <summary>The person writes to the bot: in their 1:1 chat, or in the group with an @mention.</summary>
    public async Task<HttpStatusCode> SayAsync(TeamsPerson person, string text, bool inGroup = false)
    {
        var activity = Activity(person, ActivityTypes.Message, inGroup);
        if (inGroup)
        {
            activity.Text = "<at>PeerSupportBot</at> " + text;
            activity.Entities =
            [
                JsonSerializer.Deserialize($$$"""{"type":"mention","text":"<at>PeerSupportBot</at>","mentioned":{"id":"{{{BotId}}}","name":"PeerSupportBot"}}""", BotFrameworkJsonContext.Default.Entity)!,
            ];
        }
        else
        {
            activity.Text = text;
        }

        var response = await (Via ?? App).PostActivityAsync(activity);
        return response.StatusCode;
    }

    /// <summary>The person presses a button with <paramref name="verb"/> on <paramref name="card"/>, with these input values.</summary>
    public async Task<InvokeAnswer> PressAsync(TeamsPerson person, JsonElement card, string verb, IDictionary<string, string>? inputs = null, bool inGroup = false, string trigger = "manual")
    {
        var data = OnCard.ActionData(card, verb) ?? throw new InvalidOperationException($"The card has no {verb} button: {string.Join(" | ", CardText.Of(card))}; the chat ends: {string.Join(" / ", SentTo(person).TakeLast(3).Select(activity => activity.Text ?? (activity.Attachments is { Count: > 0 } ? string.Join(" | ", CardText.Of(activity.SingleCard())) : "")))}; the bot's last warnings: {LastWarnings()}");
        // As Teams does: every input's current value goes with the action, then what the person changed.
        var values = OnCard.InputValues(card);
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        return await PressWithDataAsync(person, verb, data, values, inGroup, trigger);
    }

    // Why a turn apologised, when a test finds the card it expected missing.
    private string LastWarnings() =>
        string.Join(" / ", App.Logs.GetSnapshot().Where(record => record.Level >= LogLevel.Warning).TakeLast(5).Select(record => $"{record.Timestamp:HH:mm:ss.fff} {record.Message}"));

    /// <summary>Presses a button whose data the test wrote itself, as a tampering client could.</summary>
    public async Task<InvokeAnswer> PressWithDataAsync(TeamsPerson person, string verb, JsonObject data, IDictionary<string, string>? inputs = null, bool inGroup = false, string trigger = "manual", IBotEndpoint? via = null)
    {
        data = JsonNode.Parse(data.ToJsonString())!.AsObject();
        foreach (var (key, value) in inputs ?? new Dictionary<string, string>())
        {
            data[key] = value;
        }

        var activity = Activity(person, ActivityTypes.Invoke, inGroup);
        activity.Name = InvokeNames.AdaptiveCardAction;
        activity.Value = JsonSerializer.SerializeToElement(new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = trigger,
        });
        var response = await (via ?? Via ?? App).PostActivityAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        return new InvokeAnswer(response.StatusCode, body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>The person installs (add) or removes (remove) the app in their personal scope, as Teams tells the bot.</summary>
    public async Task<HttpStatusCode> PersonalInstallationAsync(TeamsPerson person, string action)
    {
        if (action == InstallationActions.Remove)
        {
            Connector.Rules.Uninstalled(person.UserId, person.PersonalConversationId);
        }
        else
        {
            Connector.Rules.Installed(person.UserId, person.PersonalConversationId);
        }

        var activity = Activity(person, ActivityTypes.InstallationUpdate, inGroup: false);
        activity.Action = action;
        return (await (Via ?? App).PostActivityAsync(activity)).StatusCode;
    }

    /// <summary>Restarts the bot on the same tables, as a new instance after a deployment would.</summary>
    public async Task RestartAsync(bool runSweep, bool runOutbox = true)
    {
        var prefix = App.TablePrefix;
        await App.DisposeAsync();
        App = new BotApplication(new Dictionary<string, string?>(_settings) { ["Storage:TablePrefix"] = prefix }, _clock, runSweep, _configureServices, runOutbox);
    }

    /// <summary>A second bot process on the same tables and queue, as a scaled-out deployment runs.</summary>
    public BotApplication SecondInstance() =>
        new(new Dictionary<string, string?>(_settings) { ["Storage:TablePrefix"] = App.TablePrefix }, _clock, _runSweep, _configureServices);

    /// <summary>Everything the bot sent into a conversation that Teams accepted, oldest first.</summary>
    public IReadOnlyList<Activity> SentTo(string conversationId) =>
        [.. Connector.DeliveredActivities.Where(activity => activity.Conversation?.Id == conversationId)];

    public IReadOnlyList<Activity> SentTo(TeamsPerson person) => SentTo(person.PersonalConversationId);

    /// <summary>Every post the bot tried into a person's 1:1 chat, whatever Teams answered.</summary>
    public int PostsTo(TeamsPerson person) =>
        Connector.Requests.Count(request => request.Method == "POST" && request.PathSegments.Contains(person.PersonalConversationId));

    /// <summary>The cards the bot replaced in a person's 1:1 chat (PUT), oldest first.</summary>
    public IReadOnlyList<JsonElement> UpdatedCardsTo(TeamsPerson person) =>
        [.. Connector.Requests
            .Where(request => request.Method == "PUT" && request.IsActivityWrite)
            .Select(request => JsonSerializer.Deserialize(request.Body, BotFrameworkJsonContext.Default.Activity)!)
            .Where(activity => activity.Conversation?.Id == person.PersonalConversationId)
            .Select(activity => activity.SingleCard())];

    /// <summary>A trainer creates a cohort; returns its join code.</summary>
    public async Task<string> CohortAsync(TeamsPerson trainer, string name)
    {
        await SayAsync(trainer, "uusi ryhmä " + name);
        return OnCard.ActionData(LastCardTo(trainer), "cohort.join")!["code"]!.GetValue<string>();
    }

    /// <summary>
    /// Where most request tests start: Kaisa's cohort, Aino asking about wellbeing, and helpers
    /// (Helmi, Heikki, Hanna, Harri, as many as asked for) who agreed to these topics.
    /// </summary>
    public async Task<(TeamsPerson Asker, TeamsPerson[] Helpers)> AskerAndHelpersAsync(int helperCount, string helperTopics)
    {
        var code = await CohortAsync(Person("Kaisa Kouluttaja"), "Esihenkilövalmennus syksy 2026");
        var asker = Person("Aino Esihenkilö");
        await JoinAsync(asker, code, "wellbeing");
        TeamsPerson[] helpers = [.. new[] { "Helmi Auttaja", "Heikki Neuvoja", "Hanna Kokenut", "Harri Tukija" }.Take(helperCount).Select(name => Person(name))];
        foreach (var helper in helpers)
        {
            await JoinAsync(helper, code, helperTopics);
        }

        return (asker, helpers);
    }

    /// <summary>A person joins with the code and consents to these topics and languages.</summary>
    public async Task JoinAsync(TeamsPerson person, string code, string topics, string languages = "fi")
    {
        await SayAsync(person, (person.Locale.StartsWith("fi", StringComparison.Ordinal) ? "liity " : "join ") + code);
        var answer = await PressAsync(person, LastCardTo(person), "consent.give",
            new Dictionary<string, string> { ["topics"] = topics, ["languages"] = languages });
        Assert.Equal(HttpStatusCode.OK, answer.Status);
    }

    /// <summary>The newest card the bot sent into the conversation.</summary>
    public JsonElement LastCardIn(string conversationId) =>
        SentTo(conversationId).Last(activity => activity.Attachments is { Count: > 0 }).SingleCard();

    public JsonElement LastCardTo(TeamsPerson person) => LastCardIn(person.PersonalConversationId);

    public Activity Activity(TeamsPerson person, string type, bool inGroup)
    {
        var number = Interlocked.Increment(ref _activityCounter);
        return new Activity
        {
            Type = type,
            Id = "1700000" + number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture),
            Timestamp = DateTimeOffset.UtcNow,
            ServiceUrl = Connector.ServiceUrl.ToString(),
            ChannelId = Channels.MsTeams,
            From = new ChannelAccount { Id = person.UserId, Name = person.Name, AadObjectId = person.AadObjectId },
            Recipient = new ChannelAccount { Id = BotId, Name = "PeerSupportBot" },
            Conversation = inGroup
                ? new ConversationAccount { Id = GroupChatId, ConversationType = ConversationTypes.GroupChat, IsGroup = true, TenantId = TenantId, Name = "Esihenkilövalmennus syksy 2026" }
                : new ConversationAccount { Id = person.PersonalConversationId, ConversationType = ConversationTypes.Personal, TenantId = TenantId },
            Locale = person.Locale,
            ChannelData = JsonSerializer.SerializeToElement(new TeamsChannelData { Tenant = new TenantInfo { Id = TenantId } }, BotFrameworkJsonContext.Default.TeamsChannelData),
        };
    }

    // Teams: creating a 1:1 chat with someone returns their one personal chat with the bot.
    private FakeResponse? Answer(RecordedRequest request)
    {
        if (request.Method == "POST" && request.PathOnly.TrimEnd('/').EndsWith("/v3/conversations", StringComparison.Ordinal))
        {
            var memberId = request.BodyJson.GetProperty("members")[0].GetProperty("id").GetString()!;
            return _peopleByUserId.TryGetValue(memberId, out var person)
                ? new FakeResponse(200, JsonSerializer.Serialize(new { id = person.PersonalConversationId }))
                : new FakeResponse(403, """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""");
        }

        if (request.Method == "GET" && request.PathSegments is [.., "members", var escapedId])
        {
            var id = Uri.UnescapeDataString(escapedId);
            if (_peopleByUserId.TryGetValue(id, out var member))
            {
                return new FakeResponse(200, JsonSerializer.Serialize(new { id = member.UserId, name = member.Name, aadObjectId = member.AadObjectId, userPrincipalName = member.Upn, tenantId = TenantId }));
            }
        }

        return null;
    }
}

public sealed record TeamsPerson(string Name, string UserId, string AadObjectId, string PersonalConversationId, string Upn, string Locale);

/// <summary>The bot's answer to a pressed button: the HTTP status and the invoke response body.</summary>
public sealed record InvokeAnswer(HttpStatusCode Status, JsonElement? Body)
{
    /// <summary>The card that replaced the pressed one.</summary>
    public JsonElement Card =>
        Body is { } body && body.GetProperty("type").GetString() == "application/vnd.microsoft.card.adaptive"
            ? body.GetProperty("value")
            : throw new InvalidOperationException($"The answer was not a card: {Body}");

    /// <summary>The message Teams shows the presser instead of changing the card (a refusal, say).</summary>
    public string ShownMessage =>
        Body is { } body && body.GetProperty("statusCode").GetInt32() == 200 && body.GetProperty("type").GetString() == "application/vnd.microsoft.activity.message"
            ? body.GetProperty("value").GetString()!
            : throw new InvalidOperationException($"The answer was not a message: {Body}");
}
