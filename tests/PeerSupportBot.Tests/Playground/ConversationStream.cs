using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace PeerSupportBot.Tests.Playground;

/// <summary>
/// Listens on the playground's conversation WebSocket and keeps, in order, every message the bot
/// created or updated. The playground buffers pushes made while no client listens and hands them
/// to the next client, so connecting before the first turn loses nothing.
/// </summary>
internal sealed class ConversationStream : IAsyncDisposable
{
    private const string Path = "_ws_conversation/v1/conversations/stream";

    private readonly ClientWebSocket _socket;
    private readonly Channel<BotMessage> _unread = Channel.CreateUnbounded<BotMessage>();
    private readonly List<BotMessage> _all = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _receiving;

    private ConversationStream(ClientWebSocket socket)
    {
        _socket = socket;
        _receiving = ReceiveAsync(_stop.Token);
    }

    /// <summary>Everything received so far, read or not.</summary>
    public IReadOnlyList<BotMessage> All
    {
        get { lock (_all) return [.. _all]; }
    }

    public static async Task<ConversationStream> ConnectAsync(Uri playground, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        var uri = new UriBuilder(new Uri(playground, Path)) { Scheme = "ws" }.Uri;
        await socket.ConnectAsync(uri, cancellationToken);
        return new ConversationStream(socket);
    }

    /// <summary>
    /// The next unread bot message that matches, skipping (but keeping in <see cref="All"/>) the
    /// ones that do not. Fails after the timeout, listing what did arrive.
    /// </summary>
    public async Task<BotMessage> NextAsync(Func<BotMessage, bool> match, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var message = await _unread.Reader.ReadAsync(deadline.Token);
                if (match(message)) return message;
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"No matching bot message within {timeout}. Received so far:\n{Describe(All)}");
        }
        catch (ChannelClosedException e)
        {
            throw new InvalidOperationException(
                $"The playground's WebSocket closed. Received so far:\n{Describe(All)}", e);
        }
    }

    /// <summary>Marks everything received so far as read (it stays in <see cref="All"/>).</summary>
    public void SkipUnread()
    {
        while (_unread.Reader.TryRead(out _))
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _receiving;
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked for.
        }
        _socket.Dispose();
        _stop.Dispose();
    }

    private static string Describe(IReadOnlyList<BotMessage> messages) =>
        messages.Count == 0 ? "(nothing)" : string.Join('\n', messages);

    private async Task ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var frame = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var result = await _socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close) break;
                frame.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage) continue;

                Accept(Encoding.UTF8.GetString(frame.GetBuffer(), 0, (int)frame.Length));
                frame.SetLength(0);
            }
        }
        catch (WebSocketException e)
        {
            _unread.Writer.TryComplete(e);
            return;
        }
        _unread.Writer.TryComplete();
    }

    private void Accept(string json)
    {
        var frame = JsonSerializer.Deserialize(json, PlaygroundJsonContext.Default.ConversationFrame);
        // Typing indicators carry no message; nothing else is pushed on this socket today.
        if (frame?.Message is null) return;
        if (frame.Action is not (ConversationFrame.CreateMessage or ConversationFrame.UpdateMessage)) return;

        var message = new BotMessage(frame.Action, frame.ActionConversationId ?? "", frame.Message);
        lock (_all) _all.Add(message);
        _unread.Writer.TryWrite(message);
    }
}
