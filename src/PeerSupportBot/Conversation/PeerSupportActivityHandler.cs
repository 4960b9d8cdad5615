using Microsoft.Extensions.Localization;
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
    IEnumerable<CardActionDescriptor> cardActions,
    IServiceProvider services,
    WelcomeHandler welcome,
    ContactRefresher contacts,
    AskStarter asking,
    IStringLocalizer<CohortText> cohortText,
    ILogger<PeerSupportActivityHandler> logger) : ActivityHandler
{
    protected override async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
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
            var language = AskLanguage.Guess(text, turn.Activity.Locale);
            using var _ = BotLanguage.Use(language);
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
        using (BotLanguage.Use(command.Language))
        {
            var scope = Conversations.IsPersonal(turn.Activity) ? CommandScopes.Personal : CommandScopes.Group;
            if (!command.Descriptor.Scopes.HasFlag(scope))
            {
                var refusal = scope == CommandScopes.Group ? cohortText["CommandOnlyInPersonalChat"] : cohortText["InviteOnlyInGroups"];
                await Refusals.TextAsync(turn, refusal, cancellationToken);
                return;
            }

            var handler = (IBotCommand)services.GetRequiredService(command.Descriptor.CommandType);
            await handler.ExecuteAsync(new CommandInvocation(turn, command.Language, command.Arguments), cancellationToken);
        }
    }

    protected override async Task<AdaptiveCardInvokeResponse> OnAdaptiveCardActionAsync(TurnContext turn, AdaptiveCardInvokeAction action, CancellationToken cancellationToken)
    {
        await contacts.RefreshAsync(turn, cancellationToken);
        var data = CardData.From(action.Data) ?? new CardData();
        var language = data.Language is { Length: > 0 } lang ? BotLanguage.FromLocale(lang) : BotLanguage.FromActivity(turn.Activity);
        using var _ = BotLanguage.Use(language);
        var descriptor = cardActions.FirstOrDefault(candidate => string.Equals(candidate.Verb, action.Verb, StringComparison.Ordinal));
        if (descriptor is null)
        {
            Log.UnknownVerb(logger);
            return Refusals.Card(cohortText["UnknownAction"]);
        }

        Log.CardActionReceived(logger, descriptor.Verb, language.Name);
        var handler = (ICardAction)services.GetRequiredService(descriptor.ActionType);
        return await handler.ExecuteAsync(new CardActionInvocation(turn, language, data, descriptor.Verb), cancellationToken);
    }

    protected override async Task OnInstallationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        switch (turn.Activity.Action)
        {
            case InstallationActions.Add:
                await welcome.GreetOnInstallAsync(turn, cancellationToken);
                break;
            case InstallationActions.Remove:
                await welcome.ForgetInstallationAsync(turn, cancellationToken);
                break;
        }
    }

    protected override async Task OnConversationUpdateAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (activity.AddsRecipient())
        {
            await welcome.GreetOnInstallAsync(turn, cancellationToken);
        }
        else if (activity.MembersRemoved?.Any(member => string.Equals(member.Id, activity.Recipient?.Id, StringComparison.Ordinal)) == true)
        {
            await welcome.ForgetInstallationAsync(turn, cancellationToken);
        }
    }
}
