using System.Security.Claims;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Authentication;

/// <summary>Decides whether a POST /api/messages request comes from the channel it claims.</summary>
public interface IRequestAuthenticator
{
    /// <summary>
    /// Checks the Authorization header against the activity it carries. With no app id configured
    /// only loopback callers that no proxy relayed pass, unauthenticated.
    /// </summary>
    Task<AuthenticationOutcome> AuthenticateAsync(string? authorizationHeader, Activity activity, RequestOrigin origin, CancellationToken cancellationToken = default);
}

/// <summary>The verdict on one request.</summary>
public sealed record AuthenticationOutcome(bool IsAuthenticated, ClaimsIdentity? Identity, string? FailureReason)
{
    /// <summary>The request may proceed.</summary>
    public static AuthenticationOutcome Success(ClaimsIdentity identity) => new(true, identity, null);

    /// <summary>The request is refused; the reason goes to logs, never to the caller.</summary>
    public static AuthenticationOutcome Failure(string reason) => new(false, null, reason);
}
