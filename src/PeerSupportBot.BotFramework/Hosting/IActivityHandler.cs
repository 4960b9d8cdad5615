using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Hosting;

/// <summary>Handles one authenticated activity. An invoke's answer becomes the HTTP response.</summary>
public interface IActivityHandler
{
    /// <summary>Handles the turn; returns the invoke response for invokes, null otherwise.</summary>
    Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}
