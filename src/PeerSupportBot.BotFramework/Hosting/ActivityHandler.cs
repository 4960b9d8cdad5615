using System.Text.Json;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Hosting;

/// <summary>
/// Routes an activity to the method for its type. Types and invokes the bot does not know are
/// acknowledged and ignored, as the protocol asks of receivers.
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
                return InvokeResponse.Ok();
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

    /// <summary>An Action.Execute; the answer's card replaces the one that was pressed.</summary>
    protected virtual Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, AdaptiveCardInvokeAction action, CancellationToken cancellationToken) =>
        Task.FromResult(AdaptiveCardResponses.Message(string.Empty));

    private async Task<InvokeResponse> InvokeAdaptiveCardActionAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var action = ReadAction(turn.Activity);
        if (action is null || !string.Equals(action.Type, "Action.Execute", StringComparison.Ordinal))
        {
            return Respond(AdaptiveCardResponses.Error(400, "BadRequest", "The invoke carries no Action.Execute."));
        }

        return Respond(await OnAdaptiveCardActionAsync(turn, action, cancellationToken));
    }

    private static AdaptiveCardInvokeAction? ReadAction(Activity activity)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        try
        {
            return value.Deserialize(BotFrameworkJsonContext.Default.AdaptiveCardInvokeValue)?.Action;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static InvokeResponse Respond(AdaptiveCardInvokeResponse response) =>
        new(response.StatusCode, JsonSerializer.SerializeToElement(response, BotFrameworkJsonContext.Default.AdaptiveCardInvokeResponse));
}
