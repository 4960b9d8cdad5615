using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Localization;
using PeerSupportBot.Welcome;

namespace PeerSupportBot.Conversation;

/// <summary>Routes each activity to the feature that owns it.</summary>
internal sealed class PeerSupportActivityHandler(
    CommandCatalog commands,
    IServiceProvider services,
    WelcomeHandler welcome,
    IStringLocalizer<WelcomeText> welcomeText,
    ILogger<PeerSupportActivityHandler> logger) : ActivityHandler
{
    protected override async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var text = turn.Activity.GetTextWithoutBotMention();
        if (text.Length == 0)
        {
            return;
        }

        var parsed = commands.Parse(text);
        if (parsed is not { } command)
        {
            Log.MessageNotRecognised(logger, turn.Activity.Conversation?.ConversationType ?? "");
            using var _ = BotLanguage.Use(BotLanguage.FromLocale(turn.Activity.Locale));
            await turn.SendTextAsync(welcomeText["NotRecognised"], cancellationToken);
            return;
        }

        Log.CommandReceived(logger, command.Descriptor.EnglishWord, command.Language.Name);
        using (BotLanguage.Use(command.Language))
        {
            var handler = (IBotCommand)services.GetRequiredService(command.Descriptor.CommandType);
            await handler.ExecuteAsync(new CommandInvocation(turn, command.Language, command.Arguments), cancellationToken);
        }
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
