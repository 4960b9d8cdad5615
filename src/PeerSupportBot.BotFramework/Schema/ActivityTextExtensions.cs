using System.Text.Json;

namespace PeerSupportBot.BotFramework.Schema;

/// <summary>Reading what a person wrote, without the markup channels add around it.</summary>
public static class ActivityTextExtensions
{
    /// <summary>
    /// The message text with the bot's own @mention removed and whitespace trimmed. Teams puts
    /// <c>&lt;at&gt;Bot&lt;/at&gt;</c> into the text of group and channel messages; the mention entity
    /// says which part of the text names the bot.
    /// </summary>
    public static string GetTextWithoutBotMention(this Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity.Text ?? string.Empty;
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase) || entity.Properties is null)
            {
                continue;
            }

            var mentionsBot = entity.Properties.TryGetValue("mentioned", out var mentioned)
                && mentioned.ValueKind == JsonValueKind.Object
                && mentioned.TryGetProperty("id", out var id)
                && string.Equals(id.GetString(), botId, StringComparison.Ordinal);
            if (mentionsBot && entity.Properties.TryGetValue("text", out var mentionText) && mentionText.GetString() is { Length: > 0 } markup)
            {
                text = text.Replace(markup, string.Empty, StringComparison.Ordinal);
            }
        }

        return text.Trim();
    }
}
