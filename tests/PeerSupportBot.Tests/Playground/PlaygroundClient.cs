using System.Net.Http.Json;
using System.Text.Json;

namespace PeerSupportBot.Tests.Playground;

/// <summary>
/// Drives the Microsoft 365 Agents Playground the way its web UI does: sends what the current
/// user types, presses Action.Execute buttons, and collects what the bot posts to the chat.
/// One instance is one playground process with its own port, ids and personal chat.
/// </summary>
/// <example>
/// await using var playground = await PlaygroundClient.StartAsync(new Uri("http://127.0.0.1:5000/api/messages"));
/// await playground.SendAsync("help");
/// var welcome = await playground.NextCardAsync();
/// var answer = await playground.PressAsync(welcome, "Join");
/// </example>
internal sealed class PlaygroundClient : IAsyncDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    private readonly PlaygroundProcess _process;
    private readonly HttpClient _http;
    private readonly ConversationStream _stream;

    private PlaygroundClient(PlaygroundProcess process, HttpClient http, PlaygroundConfigResponse config, ConversationStream stream)
    {
        _process = process;
        _http = http;
        _stream = stream;
        Config = config.Config;
    }

    /// <summary>The made-up tenant, bot, users and chats of this run.</summary>
    public PlaygroundConfig Config { get; }

    public Uri BaseAddress => _process.BaseAddress;

    /// <summary>Every message the bot created or updated so far, in arrival order.</summary>
    public IReadOnlyList<BotMessage> Received => _stream.All;

    /// <summary>Starts a playground pointed at the bot and waits until it answers.</summary>
    public static async Task<PlaygroundClient> StartAsync(Uri botMessagesEndpoint, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var process = await PlaygroundProcess.StartAsync(botMessagesEndpoint, limit);
        var http = new HttpClient { BaseAddress = process.BaseAddress, Timeout = limit };
        try
        {
            var config = await ReadConfigAsync(http, process, limit);
            using var connecting = new CancellationTokenSource(limit);
            var stream = await ConversationStream.ConnectAsync(process.BaseAddress, connecting.Token);
            return new PlaygroundClient(process, http, config, stream);
        }
        catch
        {
            http.Dispose();
            process.Dispose();
            throw;
        }
    }

    /// <summary>The current user types <paramref name="text"/> into the personal chat; returns its message id.</summary>
    public Task<string> SendAsync(string text) => SendAsync(text, Config.PersonalChat.Id);

    /// <summary>
    /// The current user types <paramref name="text"/> into a chat; returns its message id.
    /// Bot messages nobody read before are passed over, so what is read next answers this.
    /// </summary>
    public async Task<string> SendAsync(string text, string conversationId)
    {
        _stream.SkipUnread();
        using var response = await _http.PostAsJsonAsync(
            $"_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages",
            new SendMessageRequest(new PlaygroundAccount(Config.CurrentUser.Id), text, "plain"),
            PlaygroundJsonContext.Default.SendMessageRequest);
        await EnsureSuccessAsync(response, "sending a message");
        var sent = await response.Content.ReadFromJsonAsync(PlaygroundJsonContext.Default.SendMessageResponse);
        return sent!.MessageId;
    }

    /// <summary>
    /// Sends what opening the playground's page sends: installationUpdate (add) and a
    /// conversationUpdate adding the user and the bot to the personal chat. The playground sends
    /// both at once and answers at once, so this returns only when its log shows the bot's answers
    /// to both: whatever the bot sent for them has reached the playground by then.
    /// </summary>
    public async Task InstallAsync()
    {
        _stream.SkipUnread();
        var installations = _process.Answered("installationUpdate");
        var updates = _process.Answered("conversationUpdate");
        using var response = await _http.PostAsync(
            $"_debug/conversation/{Uri.EscapeDataString(Config.PersonalChat.Id)}/installation",
            new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        await EnsureSuccessAsync(response, "installing the app");

        // The log file is the only place the playground records the bot's answer.
        if (!await _process.WaitForLogAsync(() => _process.Answered("installationUpdate") > installations && _process.Answered("conversationUpdate") > updates, DefaultTimeout))
            throw new TimeoutException($"The bot did not answer the installation within {DefaultTimeout}.\n{Diagnostics()}");
    }

    /// <summary>
    /// Presses the button titled <paramref name="buttonTitle"/> on the card in
    /// <paramref name="message"/>, sending the button's verb and data as the UI does.
    /// Returns the bot's invoke response (a replacing card, a message or an error).
    /// </summary>
    public Task<InvokeResponse> PressAsync(BotMessage message, string buttonTitle, IReadOnlyDictionary<string, string>? inputs = null) =>
        PressAsync(message, CardOf(message).Button(buttonTitle), inputs);

    /// <summary>Presses the one Action.Execute button with <paramref name="verb"/>, as <see cref="PressAsync(BotMessage, string, IReadOnlyDictionary{string, string}?)"/> does.</summary>
    public Task<InvokeResponse> PressVerbAsync(BotMessage message, string verb, IReadOnlyDictionary<string, string>? inputs = null) =>
        PressAsync(message, CardOf(message).ButtonWithVerb(verb), inputs);

    private async Task<InvokeResponse> PressAsync(BotMessage message, CardAction button, IReadOnlyDictionary<string, string>? inputs)
    {
        var card = CardOf(message);
        if (button.Type != "Action.Execute")
            throw new InvalidOperationException($"'{button.Title}' is {button.Type}; only Action.Execute is supported here.");

        // As the client does: the action's data with every input's current value merged in.
        var action = System.Text.Json.Nodes.JsonNode.Parse(button.Json.GetRawText())!.AsObject();
        var data = action["data"] as System.Text.Json.Nodes.JsonObject ?? [];
        action["data"] = data;
        foreach (var (id, value) in PeerSupportBot.Tests.Infrastructure.OnCard.InputValues(card.Json))
        {
            data[id] = value;
        }

        foreach (var (id, value) in inputs ?? new Dictionary<string, string>())
        {
            data[id] = value;
        }

        var request = new InvokeRequest(
            "adaptiveCard/action",
            new InvokeValue(JsonSerializer.SerializeToElement(action)),
            new PlaygroundAccount(Config.CurrentUser.Id),
            new PlaygroundConversation(message.ConversationId),
            message.Id);
        using var response = await _http.PostAsJsonAsync(
            "_conversation/v1/invoke", request, PlaygroundJsonContext.Default.InvokeRequest);
        await EnsureSuccessAsync(response, $"pressing '{button.Title}'");
        return (await response.Content.ReadFromJsonAsync(PlaygroundJsonContext.Default.InvokeResponse))!;
    }

    /// <summary>The next unread bot message whose card has a button with <paramref name="verb"/>.</summary>
    public Task<BotMessage> NextCardWithVerbAsync(string verb, TimeSpan? timeout = null) =>
        NextMessageAsync(m => m.Card?.Actions.Any(action => action.Verb == verb) == true, timeout);

    /// <summary>The next unread bot message whose card shows <paramref name="text"/>.</summary>
    public Task<BotMessage> NextCardShowingAsync(string text, TimeSpan? timeout = null) =>
        NextMessageAsync(m => m.Card?.ShowsText(text) == true, timeout);

    private static AdaptiveCardView CardOf(BotMessage message) =>
        message.Card ?? throw new InvalidOperationException($"Message {message.Id} has no card.");

    /// <summary>The next unread bot message that carries an Adaptive Card.</summary>
    public Task<BotMessage> NextCardAsync(TimeSpan? timeout = null) =>
        NextMessageAsync(m => m.Card is not null, timeout);

    /// <summary>The next unread bot message that matches (unmatched ones are passed over).</summary>
    public async Task<BotMessage> NextMessageAsync(Func<BotMessage, bool> match, TimeSpan? timeout = null)
    {
        try
        {
            return await _stream.NextAsync(match, timeout ?? DefaultTimeout);
        }
        catch (TimeoutException e)
        {
            // The playground answers the user's send with 200 whatever the bot did; its log
            // holds the bot's actual status codes.
            throw new TimeoutException($"{e.Message}\n{Diagnostics()}", e);
        }
    }

    /// <summary>What the process printed and logged, to put into failure messages.</summary>
    public string Diagnostics() => _process.Diagnostics();

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        _http.Dispose();
        _process.Dispose();
    }

    private static async Task<PlaygroundConfigResponse> ReadConfigAsync(HttpClient http, PlaygroundProcess process, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            try
            {
                var config = await http.GetFromJsonAsync(
                    "_internal/v1/config", PlaygroundJsonContext.Default.PlaygroundConfigResponse, deadline.Token);
                if (config is not null) return config;
            }
            catch (HttpRequestException) when (!process.HasExited)
            {
                // Not answering yet.
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                break;
            }
            if (process.HasExited) break;
            await Task.Delay(100, CancellationToken.None);
        }
        throw new InvalidOperationException($"The playground did not answer /_internal/v1/config.\n{process.Diagnostics()}");
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        if (response.IsSuccessStatusCode) return;
        var body = await response.Content.ReadAsStringAsync();
        throw new HttpRequestException(
            $"The playground answered {(int)response.StatusCode} to {what}: {body}\n{_process.Diagnostics()}",
            null,
            response.StatusCode);
    }
}
