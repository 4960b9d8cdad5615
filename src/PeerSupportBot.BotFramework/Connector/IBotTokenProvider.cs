namespace PeerSupportBot.BotFramework.Connector;

/// <summary>Supplies the bearer token outbound connector calls carry.</summary>
public interface IBotTokenProvider
{
    /// <summary>
    /// A valid access token for the connector, or null when calls go unauthenticated (local
    /// development, where the Agents Playground's connector wants no Authorization header).
    /// Implementations cache: this is called once per HTTP attempt.
    /// </summary>
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}
