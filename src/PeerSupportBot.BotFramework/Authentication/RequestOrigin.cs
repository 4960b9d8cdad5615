using System.Net;
using Microsoft.AspNetCore.Http;

namespace PeerSupportBot.BotFramework.Authentication;

/// <summary>
/// Where a request came from, as far as the connection tells: the peer's address, and the first
/// proxy header it carries, if any.
/// </summary>
/// <param name="RemoteAddress">The address of the connection's peer; null when unknown.</param>
/// <param name="ForwardingHeader">The name of a header a proxy adds (X-Forwarded-For, Forwarded, X-Original-For), when present.</param>
public sealed record RequestOrigin(IPAddress? RemoteAddress, string? ForwardingHeader = null)
{
    /// <summary>
    /// Headers a reverse proxy, tunnel or sidecar adds on behalf of the caller it relays. Behind one
    /// of those every caller looks like loopback, so their presence disproves a loopback origin.
    /// </summary>
    public static readonly IReadOnlyList<string> ForwardingHeaders = ["X-Forwarded-For", "Forwarded", "X-Original-For"];

    /// <summary>Reads the origin of <paramref name="http"/>'s request.</summary>
    public static RequestOrigin Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var forwarding = ForwardingHeaders.FirstOrDefault(name => http.Request.Headers.ContainsKey(name));
        return new RequestOrigin(http.Connection.RemoteIpAddress, forwarding);
    }
}
