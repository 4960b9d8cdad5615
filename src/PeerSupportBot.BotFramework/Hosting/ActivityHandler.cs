using System.Text.Json;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Hosting;

/// <summary>
/// Routes an activity to the method for its type. Activity types the bot does not know are
/// acknowledged and ignored, as the protocol asks of receivers. An invoke name it does not handle
/// answers 501 Not Implemented, as the Bot Framework SDK's ActivityHandler does; Teams sends only
/// the invokes the app package declares, so none of those reaches here. Every adaptiveCard/action
/// answers HTTP 200: Teams treats any other status as a failure and drops the body.
/// </summary>
public abstract class ActivityHandler : IActivityHandler
{
    /// <inheritdoc />
    public virtual async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                await OnMessageAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.ConversationUpdate:
                await OnConversationUpdateAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.InstallationUpdate:
                await OnInstallationUpdateAsync(turn, cancellationToken);
                return null;
            case ActivityTypes.Invoke when string.Equals(activity.Name, InvokeNames.AdaptiveCardAction, StringComparison.Ordinal):
                return await InvokeAdaptiveCardActionAsync(turn, cancellationToken);
            case ActivityTypes.Invoke:
                return InvokeResponse.NotImplemented();
            default:
                return null;
        }
    }

    /// <summary>A message: text a person wrote, or an Action.Submit's value.</summary>
    protected virtual Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Members added or removed, or a Teams event such as a channel rename.</summary>
    protected virtual Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The app was installed, upgraded or removed.</summary>
    protected virtual Task OnInstallationUpdateAsync(TurnContext turn, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// An Action.Execute; the answer's card replaces the one that was pressed. <paramref name="automatic"/>
    /// is true for a card's refresh (trigger "automatic"), which must change nothing.
    /// </summary>
    protected virtual Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, AdaptiveCardInvokeAction action, bool automatic, CancellationToken cancellationToken) =>
        Task.FromResult(AdaptiveCardResponses.Message(string.Empty));

    private async Task<InvokeResponse> InvokeAdaptiveCardActionAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var invoke = ReadInvoke(turn.Activity);
        if (invoke?.Action is not { Type: "Action.Execute", Verb.Length: > 0 } action)
        {
            return Respond(AdaptiveCardResponses.Error(400, "BadRequest", "The invoke carries no Action.Execute with a verb."));
        }

        var automatic = string.Equals(invoke.Trigger, AdaptiveCardTriggers.Automatic, StringComparison.OrdinalIgnoreCase);
        return Respond(await OnAdaptiveCardActionAsync(turn, action, automatic, cancellationToken));
    }

    private static AdaptiveCardInvokeValue? ReadInvoke(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        try
        {
            return value.Deserialize(BotFrameworkJsonContext.Default.AdaptiveCardInvokeValue);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static InvokeResponse Respond(AdaptiveCardInvokeResponse response) => response.ToInvokeResponse();
}
