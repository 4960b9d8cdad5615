namespace PeerSupportBot.BotFramework.Authentication;

/// <summary>Names other code uses to configure inbound authentication.</summary>
public static class BotAuthenticationDefaults
{
    /// <summary>
    /// The named <see cref="HttpClient"/> that fetches OpenID metadata and key sets; tests give it
    /// a primary handler that serves a local key set.
    /// </summary>
    public const string MetadataHttpClientName = "PeerSupportBot.BotFramework.OpenIdMetadata";
}
