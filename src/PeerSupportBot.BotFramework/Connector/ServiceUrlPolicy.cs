using System.Net;
using Microsoft.Extensions.Options;

namespace PeerSupportBot.BotFramework.Connector;

/// <summary>
/// Decides which service URLs the bot may call, and so send its token to: https on a host in
/// <see cref="ConnectorOptions.AllowedServiceHosts"/> (Teams' connector hosts by default). A
/// serviceUrl comes from an activity or from a stored contact link; either may have been shaped by
/// someone other than Teams, and the bot's token opens every conversation the bot is in.
/// </summary>
/// <remarks>
/// In local development (no app id, so no token at all) loopback URLs are also called, over http
/// or https: the Agents Playground and the tests' fake connector listen there.
/// </remarks>
internal sealed class ServiceUrlPolicy
{
    private readonly HashSet<string> allowedHosts;
    private readonly bool allowLoopback;

    public ServiceUrlPolicy(IOptions<ConnectorOptions> connector, IOptions<BotFrameworkOptions> bot)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(bot);
        allowedHosts = new HashSet<string>(ConnectorOptions.EffectiveServiceHosts(connector.Value), StringComparer.OrdinalIgnoreCase);
        allowLoopback = bot.Value.IsLocalDevelopment;
    }

    /// <summary>True when a request to <paramref name="uri"/> may be sent (with the bot's token, if it has one).</summary>
    public bool Permits(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        if (uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort && allowedHosts.Contains(uri.IdnHost))
        {
            return true;
        }

        return allowLoopback
               && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
               && IsLoopbackHost(uri);
    }

    private static bool IsLoopbackHost(Uri uri) =>
        uri.IsLoopback
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address));
}
