using System.Text.Json;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Hosting;

/// <summary>The three answers an adaptiveCard/action invoke can give.</summary>
public static class AdaptiveCardResponses
{
    /// <summary>A card that replaces the one pressed, for the person who pressed it.</summary>
    public static AdaptiveCardInvokeResponse Card(JsonElement card) => new()
    {
        StatusCode = 200,
        Type = Attachment.AdaptiveCardContentType,
        Value = card,
    };

    /// <summary>A card that replaces the one pressed, for the person who pressed it.</summary>
    public static AdaptiveCardInvokeResponse Card(AdaptiveCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Card(card.ToJsonElement());
    }

    /// <summary>A short message Teams shows instead of changing the card.</summary>
    public static AdaptiveCardInvokeResponse Message(string text) => new()
    {
        StatusCode = 200,
        Type = AdaptiveCardInvokeResponse.MessageType,
        Value = JsonSerializer.SerializeToElement(text, BotFrameworkJsonContext.Default.String),
    };

    /// <summary>An error the client shows on the card.</summary>
    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) => new()
    {
        StatusCode = statusCode,
        Type = AdaptiveCardInvokeResponse.ErrorType,
        Value = JsonSerializer.SerializeToElement(new ErrorDetail { Code = code, Message = message }, BotFrameworkJsonContext.Default.ErrorDetail),
    };

    /// <summary>
    /// The invoke answer carrying <paramref name="response"/>: HTTP 200 always, because Teams shows
    /// the body of no other status; the outcome travels in the body's own statusCode.
    /// </summary>
    public static InvokeResponse ToInvokeResponse(this AdaptiveCardInvokeResponse response) =>
        new(200, JsonSerializer.SerializeToElement(response, BotFrameworkJsonContext.Default.AdaptiveCardInvokeResponse));
}
