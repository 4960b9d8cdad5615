using System.Globalization;
using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Connector;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Asking;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Contacts;
using PeerSupportBot.Localization;
using PeerSupportBot.Welcome;

namespace PeerSupportBot.Conversation;

/// <summary>Routes each activity to the feature that owns it.</summary>
internal sealed class PeerSupportActivityHandler(
    CommandCatalog commands,
    IServiceProvider services,
    WelcomeHandler welcome,
    ContactRefresher contacts,
    AskStarter asking,
    IStringLocalizer<CohortText> cohortText,
    IStringLocalizer<ConversationText> conversationText,
    ILogger<PeerSupportActivityHandler> logger) : IActivityHandler
{
    /// <summary>
    /// The last safety net: whatever failed (storage unreachable, say), the person is told in their
    /// language to try again, and Teams gets the answer it can show (200), never a 5xx.
    /// </summary>
    public async Task<InvokeResponse?> OnTurnAsync(TurnContext turn, Func<CancellationToken, Task<InvokeResponse?>> handle, CancellationToken cancellationToken)
    {
        // Teams waits about 15 s for an answer. Each storage call is bounded (StorageRetries), and
        // the turn as a whole is too, however many calls it makes, so the apology below still
        // reaches the person in time. The real clock: this is a budget, not the app's time.
        using var language = BotLanguage.Use(TurnLanguage.Of(turn.Activity, commands));
        using var budget = new CancellationTokenSource(TurnBudget, TimeProvider.System);
        using var turnToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            return await handle(turnToken.Token);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The exception's type only: messages can hold request URIs, and those hold table keys.
            Log.TurnFailed(logger, turn.Activity.Type ?? "", exception.GetType().Name);
            var apology = conversationText["TryAgainShortly"];
            if (turn.Activity.Type == ActivityTypes.Invoke)
            {
                return AdaptiveCardResponses.Message(apology).ToInvokeResponse();
            }

            await TryTellAsync(turn, apology);
            return null;
        }
    }

    /// <summary>How long a turn may work before it gives up and apologises.</summary>
    public static readonly TimeSpan TurnBudget = TimeSpan.FromSeconds(8);

    public async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await contacts.RefreshAsync(turn, cancellationToken);
        var text = turn.Activity.GetTextWithoutBotMention();
        if (text.Length == 0)
        {
            return;
        }

        var conversationType = turn.Activity.Conversation?.ConversationType ?? "";
        var parsed = commands.Parse(text);
        if (parsed is not { } command)
        {
            // Anything else is a question for colleagues. Its text is never logged.
            Log.AskStarted(logger, conversationType);
            // The language the ask was written in (the turn's) is data here: whom the asker can be helped by.
            var language = CultureInfo.CurrentUICulture;
            if (Conversations.IsPersonal(turn.Activity))
            {
                await asking.StartAsync(turn, text, language, cancellationToken);
            }
            else
            {
                await asking.StartFromGroupAsync(turn, text, language, cancellationToken);
            }

            return;
        }

        Log.CommandReceived(logger, command.Descriptor.EnglishWord, command.Language.Name);
        var scope = Conversations.IsPersonal(turn.Activity) ? CommandScopes.Personal : CommandScopes.Group;
        if (!command.Descriptor.Scopes.HasFlag(scope))
        {
            var refusal = scope == CommandScopes.Group ? cohortText["CommandOnlyInPersonalChat"] : cohortText["InviteOnlyInGroups"];
            await Refusals.TextAsync(turn, refusal, cancellationToken);
            return;
        }

        var handler = services.GetRequiredKeyedService<IBotCommand>(command.Descriptor.EnglishWord);
        await handler.ExecuteAsync(new CommandInvocation(turn, command.Language, command.Arguments), cancellationToken);
    }

    public async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, AdaptiveCardInvokeAction action, bool automatic, CancellationToken cancellationToken)
    {
        var data = CardData.From(action.Data) ?? new CardData();
        var language = CultureInfo.CurrentUICulture;
        var descriptor = services.GetKeyedService<CardActionDescriptor>(action.Verb);
        if (descriptor is null)
        {
            Log.UnknownVerb(logger);
            return Refusals.Card(cohortText["UnknownAction"]);
        }

        // A refresh is the client redrawing a card by itself: it may read, never change anything.
        if (automatic && !descriptor.AnswersRefresh)
        {
            Log.RefreshIgnored(logger, descriptor.Verb);
            return AdaptiveCardResponses.Message(string.Empty);
        }

        if (!automatic)
        {
            await contacts.RefreshAsync(turn, cancellationToken);
        }

        Log.CardActionReceived(logger, descriptor.Verb, language.Name);
        var handler = services.GetRequiredKeyedService<ICardAction>(descriptor.Verb);
        return await handler.ExecuteAsync(new CardActionInvocation(turn, language, data, descriptor.Verb) { Automatic = automatic }, cancellationToken);
    }

    public async Task OnInstallationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        switch (turn.Activity.Action)
        {
            case InstallationActions.Add:
                await contacts.RefreshAsync(turn, cancellationToken);
                await welcome.GreetOnInstallAsync(turn, cancellationToken);
                break;
            case InstallationActions.AddUpgrade:
                await contacts.RefreshAsync(turn, cancellationToken);
                break;
            case InstallationActions.Remove:
                await UninstalledAsync(turn, cancellationToken);
                break;
        }
    }

    public async Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.AddsRecipient())
        {
            await contacts.RefreshAsync(turn, cancellationToken);
            await welcome.GreetOnInstallAsync(turn, cancellationToken);
        }
        else if (activity.MembersRemoved?.Any(member => string.Equals(member.Id, activity.Recipient?.Id, StringComparison.Ordinal)) == true)
        {
            await UninstalledAsync(turn, cancellationToken);
        }
    }

    // After a personal uninstall Teams refuses every post to the person: nobody may ask them
    // until they write to the bot again or reinstall it.
    private async Task UninstalledAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        await contacts.MarkUnreachableAsync(turn, cancellationToken);
        await welcome.ForgetInstallationAsync(turn, cancellationToken);
    }

    private async Task TryTellAsync(TurnContext turn, string text)
    {
        try
        {
            await turn.SendTextAsync(text, CancellationToken.None);
        }
        catch (Exception exception) when (exception is ConnectorException or HttpRequestException or OperationCanceledException)
        {
            Log.ApologyFailed(logger, exception.GetType().Name);
        }
    }
}
