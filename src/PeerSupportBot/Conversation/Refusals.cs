using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.Conversation;

/// <summary>How bad input is answered: a localized message to the person, and 4xx on the wire.</summary>
internal static class Refusals
{
    /// <summary>For a button: Teams shows the message on the card; the status is 400.</summary>
    public static AdaptiveCardInvokeResponse Card(string localizedMessage) =>
        AdaptiveCardResponses.Error(400, "BadRequest", localizedMessage);

    /// <summary>For a typed command: the message goes to the chat; the endpoint answers 400.</summary>
    public static async Task TextAsync(TurnContext turn, string localizedMessage, CancellationToken cancellationToken)
    {
        turn.RejectInput();
        await turn.SendTextAsync(localizedMessage, cancellationToken);
    }
}
