namespace PeerSupportBot.BotFramework.Authentication;

/// <summary>Who may have issued an inbound token, and therefore whose keys sign it.</summary>
internal enum TokenSource
{
    /// <summary>An issuer we do not trust: the request is refused before any key is fetched.</summary>
    Untrusted,

    /// <summary>The Bot Framework channel service (keys from ToBotFromChannelOpenIdMetadataUrl).</summary>
    BotFrameworkChannel,

    /// <summary>Entra ID, for the emulator and single-tenant channels (keys from ToBotFromEmulatorOpenIdMetadataUrl).</summary>
    Entra,
}

/// <summary>The issuers inbound tokens may carry, per source.</summary>
internal static class TokenIssuers
{
    /// <summary>The Entra tenants the Bot Framework issues its own tokens from.</summary>
    public static readonly IReadOnlyList<string> BotFrameworkTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
    ];

    /// <summary>
    /// Decides from the token's (not yet validated) <c>iss</c> which key set to check it against.
    /// The handler validates the issuer again once the signature is known to be good.
    /// </summary>
    public static TokenSource Classify(string? issuer, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(issuer))
        {
            return TokenSource.Untrusted;
        }

        if (string.Equals(issuer, options.ToBotFromChannelTokenIssuer, StringComparison.Ordinal))
        {
            return TokenSource.BotFrameworkChannel;
        }

        return EntraIssuers(options).Contains(issuer, StringComparer.Ordinal) ? TokenSource.Entra : TokenSource.Untrusted;
    }

    /// <summary>The issuers a source's tokens may carry.</summary>
    public static IReadOnlyList<string> For(TokenSource source, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return source switch
        {
            TokenSource.BotFrameworkChannel => [options.ToBotFromChannelTokenIssuer],
            TokenSource.Entra => EntraIssuers(options),
            _ => [],
        };
    }

    /// <summary>v1 and v2 Entra issuers of the Bot Framework tenants and, when configured, the bot's own tenant.</summary>
    public static IReadOnlyList<string> EntraIssuers(BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tenants = string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId)
            ? BotFrameworkTenants
            : [.. BotFrameworkTenants, options.MicrosoftAppTenantId.Trim()];
        return
        [
            .. tenants.Select(tenant => $"https://sts.windows.net/{tenant}/"),
            .. tenants.Select(tenant => $"https://login.microsoftonline.com/{tenant}/v2.0"),
        ];
    }
}
