namespace PeerSupportBot.BotFramework;

/// <summary>
/// The bot's identity and the protocol endpoints, bound from the configuration root under the
/// names the Bot Framework ecosystem uses (MicrosoftAppId, MicrosoftAppType, …), so existing
/// deployment habits and Azure Bot app settings carry over.
/// </summary>
public sealed class BotFrameworkOptions
{
    /// <summary>MultiTenant, SingleTenant or UserAssignedMSI.</summary>
    public BotAppType MicrosoftAppType { get; set; } = BotAppType.MultiTenant;

    /// <summary>The bot's Entra app id (the client id of the managed identity for UserAssignedMSI). Empty means local development.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>The client secret, for MultiTenant and SingleTenant.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>The bot's tenant, for SingleTenant and UserAssignedMSI.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>OpenID metadata of the Bot Framework channel service.</summary>
    public Uri ToBotFromChannelOpenIdMetadataUrl { get; set; } = new("https://login.botframework.com/v1/.well-known/openidconfiguration");

    /// <summary>The issuer of Bot Framework channel tokens.</summary>
    public string ToBotFromChannelTokenIssuer { get; set; } = "https://api.botframework.com";

    /// <summary>OpenID metadata for Entra-issued tokens (emulator and single-tenant channels).</summary>
    public Uri ToBotFromEmulatorOpenIdMetadataUrl { get; set; } = new("https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration");

    /// <summary>
    /// Whether tokens Entra issued (the Bot Framework Emulator's path) are accepted at all. Off by
    /// default: Teams sends channel tokens, and every accepted issuer is one more way in.
    /// </summary>
    public bool AcceptEntraTokens { get; set; }

    /// <summary>The Entra authority the bot asks for outbound tokens (multi-tenant); single tenant uses its own tenant.</summary>
    public Uri ToChannelFromBotLoginUrl { get; set; } = new("https://login.microsoftonline.com/botframework.com");

    /// <summary>The scope of outbound tokens.</summary>
    public string ToChannelFromBotOAuthScope { get; set; } = "https://api.botframework.com";

    /// <summary>The largest request body POST /api/messages accepts; larger bodies get 413.</summary>
    public int MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>True when no app id is configured: only loopback callers are accepted, unauthenticated.</summary>
    public bool IsLocalDevelopment => string.IsNullOrWhiteSpace(MicrosoftAppId);
}

/// <summary>How the bot proves its identity.</summary>
public enum BotAppType
{
    /// <summary>An Entra app registration usable from any tenant, with a client secret.</summary>
    MultiTenant,
    /// <summary>An Entra app registration in one tenant, with a client secret.</summary>
    SingleTenant,
    /// <summary>A user-assigned managed identity; no secret.</summary>
    UserAssignedMSI,
}
