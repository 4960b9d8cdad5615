using System.Globalization;

namespace PeerSupportBot.HelpRequests;

/// <summary>
/// Teams deep links: a chat with a drafted first message, and a new meeting. Both take UPNs
/// only; without a UPN there is no link.
/// </summary>
internal static class TeamsLinks
{
    public static Uri? Chat(string? upn, string draft) =>
        string.IsNullOrWhiteSpace(upn)
            ? null
            : new Uri($"https://teams.microsoft.com/l/chat/0/0?users={Uri.EscapeDataString(upn)}&message={Uri.EscapeDataString(draft)}");

    public static Uri? Meeting(string? upn, string subject, DateTimeOffset start, TimeSpan length) =>
        string.IsNullOrWhiteSpace(upn)
            ? null
            : new Uri("https://teams.microsoft.com/l/meeting/new"
                + $"?subject={Uri.EscapeDataString(subject)}"
                + $"&attendees={Uri.EscapeDataString(upn)}"
                + $"&startTime={Uri.EscapeDataString(start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}"
                + $"&endTime={Uri.EscapeDataString((start + length).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))}");
}
