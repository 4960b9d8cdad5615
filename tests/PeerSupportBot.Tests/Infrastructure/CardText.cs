using System.Text.Json;

namespace PeerSupportBot.Tests.Infrastructure;

/// <summary>Reads what a person would see on a card: every text, title and fact.</summary>
public static class CardText
{
    public static IReadOnlyList<string> Of(JsonElement card)
    {
        var texts = new List<string>();
        Collect(card, texts);
        return texts;
    }

    public static JsonElement SingleCard(this PeerSupportBot.BotFramework.Schema.Activity activity)
    {
        var attachment = Assert.Single(activity.Attachments ?? []);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        return attachment.Content ?? throw new InvalidOperationException("The attachment has no content.");
    }

    private static void Collect(JsonElement element, List<string> texts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "text" or "title" or "value" or "placeholder" or "label" && property.Value.ValueKind == JsonValueKind.String)
                    {
                        texts.Add(property.Value.GetString()!);
                    }
                    else
                    {
                        Collect(property.Value, texts);
                    }
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, texts);
                }

                break;
        }
    }
}
