namespace PeerSupportBot.HelpRequests;

/// <summary>
/// A request for help: ids, topics, statuses and times only. What the asker wrote is never part
/// of it: it travels in the helpers' cards and nowhere else. Names are not part of it either:
/// a card that shows one looks it up when it is made (PersonNames).
/// </summary>
internal sealed record HelpRequest(
    string Id,
    string AskerKey,
    IReadOnlyList<string> Topics,
    Urgency Urgency,
    RequestStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? ClosedAt,
    string? AcceptedBy,
    string Version)
{
    /// <summary>The asker's language, for what the bot tells them later.</summary>
    public string AskerLocale { get; init; } = "fi";

    public bool AskerGaveFeedback { get; init; }

    public bool HelperGaveFeedback { get; init; }
}

/// <summary>One colleague asked in a request, and where their card is, to update it later.</summary>
internal sealed record HelperAssignment(
    string RequestId,
    string HelperKey,
    HelperStatus Status,
    string? ServiceUrl,
    string? ConversationId,
    string? ActivityId);

internal enum Urgency
{
    Today,
    ThisWeek,
}

internal enum RequestStatus
{
    Open,
    Accepted,
    Cancelled,
    Expired,
    AllDeclined,

    /// <summary>Closed because the asker or a helper asked to be forgotten; its rows go right after.</summary>
    Forgotten,
}

internal enum HelperStatus
{
    Pending,
    Accepted,
    Declined,
    Closed,
}

/// <summary>Two people introduced: names and the UPNs Teams links need.</summary>
internal sealed record Introduction(
    string RequestId,
    string AskerName,
    string? AskerUpn,
    string HelperName,
    string? HelperUpn,
    IReadOnlyList<string> Topics);
