using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.Welcome;

/// <summary>The first thing a person sees: a greeting when the app is installed, and the same card on "help".</summary>
internal sealed class WelcomeHandler(InstallationStore installations, WelcomeCards cards, ILogger<WelcomeHandler> logger)
{
    /// <summary>Greets once per conversation, however many install events Teams sends for it.</summary>
    public async Task GreetOnInstallAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var conversation = turn.Activity.Conversation!;
        if (!await installations.TryRecordAsync(conversation.Id!, conversation.ConversationType, cancellationToken))
        {
            Log.AlreadyGreeted(logger, conversation.ConversationType ?? "");
            return;
        }

        await SendAsync(turn, cancellationToken);
        Log.Greeted(logger, conversation.ConversationType ?? "");
    }

    public Task ForgetInstallationAsync(TurnContext turn, CancellationToken cancellationToken) =>
        installations.ForgetAsync(turn.Activity.Conversation!.Id!, cancellationToken);

    /// <summary>The welcome in the turn's language (set once per turn, by the router).</summary>
    public async Task SendAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var isGroup = turn.Activity.Conversation?.IsGroup == true
            || turn.Activity.Conversation?.ConversationType is ConversationTypes.GroupChat or ConversationTypes.Channel;
        var card = cards.Create(isGroup);
        await turn.SendAttachmentAsync(card.Attachment, card.Summary, cancellationToken);
    }
}
