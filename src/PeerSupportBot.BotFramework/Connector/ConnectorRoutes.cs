using System.Globalization;

namespace PeerSupportBot.BotFramework.Connector;

/// <summary>
/// The request URIs of the connector REST API v3. Every id is escaped as one path segment:
/// Teams ids carry ':', ';', '@' and sometimes '#', which would otherwise change the path.
/// </summary>
internal static class ConnectorRoutes
{
    /// <summary>The page sizes the pagedmembers API accepts.</summary>
    public const int MinPageSize = 50;

    /// <summary>The page sizes the pagedmembers API accepts.</summary>
    public const int MaxPageSize = 500;

    public static Uri Conversations(Uri serviceUrl) => Combine(serviceUrl, "v3/conversations");

    public static Uri Activities(Uri serviceUrl, string conversationId) =>
        Combine(serviceUrl, $"v3/conversations/{Segment(conversationId)}/activities");

    public static Uri Activity(Uri serviceUrl, string conversationId, string activityId) =>
        Combine(serviceUrl, $"v3/conversations/{Segment(conversationId)}/activities/{Segment(activityId)}");

    public static Uri Member(Uri serviceUrl, string conversationId, string memberId) =>
        Combine(serviceUrl, $"v3/conversations/{Segment(conversationId)}/members/{Segment(memberId)}");

    public static Uri PagedMembers(Uri serviceUrl, string conversationId, int? pageSize, string? continuationToken)
    {
        var query = new List<string>(2);
        if (pageSize is { } size)
        {
            var clamped = Math.Clamp(size, MinPageSize, MaxPageSize);
            query.Add("pageSize=" + clamped.ToString(CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add("continuationToken=" + Uri.EscapeDataString(continuationToken));
        }

        var path = $"v3/conversations/{Segment(conversationId)}/pagedmembers";
        return Combine(serviceUrl, query.Count == 0 ? path : path + "?" + string.Join('&', query));
    }

    private static string Segment(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return Uri.EscapeDataString(id);
    }

    // The service URL may carry a path (the Agents Playground uses http://localhost:56150/_connector)
    // and may or may not end with '/'; both must keep that prefix. Its query and fragment, which
    // no real connector has, are dropped rather than spliced into the middle of the new URI.
    private static Uri Combine(Uri serviceUrl, string relative)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        if (!serviceUrl.IsAbsoluteUri || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("The service URL must be an absolute http or https URL.", nameof(serviceUrl));
        }

        var basePath = serviceUrl.GetLeftPart(UriPartial.Path);
        return new Uri(basePath.EndsWith('/') ? basePath + relative : basePath + "/" + relative, UriKind.Absolute);
    }
}
