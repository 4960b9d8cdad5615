using System.Net.Http.Headers;

namespace PeerSupportBot.BotFramework.Connector;

/// <summary>
/// Puts the bot's bearer token on each outbound request. It sits inside the resilience handler,
/// so every retry asks again and a token refreshed between attempts is the one sent.
/// </summary>
internal sealed class BotTokenHandler(IBotTokenProvider tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var token = await tokens.GetTokenAsync(cancellationToken);
        request.Headers.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        return await base.SendAsync(request, cancellationToken);
    }
}
