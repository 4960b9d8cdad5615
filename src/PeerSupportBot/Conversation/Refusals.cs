using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.Conversation;

/// <summary>
/// How bad input is answered: a localized message to the person, and changes nothing. On the wire
/// it is still a processed activity (HTTP 200): Teams shows an invoke's body only with a 200.
/// </summary>
internal static class Refusals
{
    /// <summary>For a button: Teams shows the message to the person who pressed it; the card stays.</summary>
    public static AdaptiveCardInvokeResponse Card(string localizedMessage) =>
        AdaptiveCardResponses.Message(localizedMessage);

    /// <summary>For a typed command: the message goes to the chat.</summary>
    public static async Task TextAsync(TurnContext turn, string localizedMessage, CancellationToken cancellationToken) =>
        await turn.SendTextAsync(localizedMessage, cancellationToken);
}
