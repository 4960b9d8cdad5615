using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Hosting;

/// <summary>
/// What a bot does with each authenticated activity. The endpoint routes an activity to the
/// method for its type (see <see cref="BotMessagesEndpoint"/>); a bot implements those it needs.
/// </summary>
public interface IActivityHandler
{
    /// <summary>
    /// Runs around the handling of every activity: <paramref name="handle"/> routes it to the
    /// methods below and returns the invoke response (null for other activities). A bot sets the
    /// turn's language here, bounds its time, and turns a failure into an answer.
    /// </summary>
    Task<InvokeResponse?> OnTurnAsync(TurnContext turn, Func<CancellationToken, Task<InvokeResponse?>> handle, CancellationToken cancellationToken) =>
        handle(cancellationToken);

    /// <summary>A message: text a person wrote, or an Action.Submit's value.</summary>
    Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Members added or removed, or a Teams event such as a channel rename.</summary>
    Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The app was installed, upgraded or removed.</summary>
    Task OnInstallationUpdateAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// An Action.Execute; the answer's card replaces the one that was pressed. <paramref name="automatic"/>
    /// is true for a card's refresh (trigger "automatic"), which must change nothing.
    /// </summary>
    Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, AdaptiveCardInvokeAction action, bool automatic, CancellationToken cancellationToken) =>
        Task.FromResult(AdaptiveCardResponses.Message(string.Empty));
}
