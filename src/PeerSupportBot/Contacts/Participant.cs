using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.Contacts;

/// <summary>The person an activity comes from: their stable key and display name.</summary>
internal sealed record Participant(string Key, string Name)
{
    public static Participant? From(Activity activity) =>
        PersonKeys.Of(activity.From) is { } key
            ? new Participant(key, string.IsNullOrWhiteSpace(activity.From?.Name) ? "?" : activity.From.Name.Trim())
            : null;
}
