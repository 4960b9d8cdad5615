using System.Net.Http.Headers;

namespace PeerSupportBot.BotFramework.Connector;

/// <summary>
/// Puts the bot's bearer token on each outbound request. It sits inside the resilience handler,
/// so every retry asks again and a token refreshed between attempts is the one sent. It is the
/// last line before the network, so it checks the address itself: the token goes to no host the
/// <see cref="ServiceUrlPolicy"/> does not name, whoever built the request.
/// </summary>
internal sealed class BotTokenHandler(IBotTokenProvider tokens, ServiceUrlPolicy serviceUrls) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.RequestUri is null || !serviceUrls.Permits(request.RequestUri))
        {
            throw new UntrustedServiceUrlException();
        }

        var token = await tokens.GetTokenAsync(cancellationToken);
        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}

/// <summary>A request to a service URL off the allow-list reached the token handler; it was not sent.</summary>
internal sealed class UntrustedServiceUrlException : InvalidOperationException
{
    public UntrustedServiceUrlException() : base("Refused to call a service URL that is not on Connector:AllowedServiceHosts.") { }

    public UntrustedServiceUrlException(string message) : base(message) { }

    public UntrustedServiceUrlException(string message, Exception innerException) : base(message, innerException) { }
}
