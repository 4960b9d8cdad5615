namespace PeerSupportBot.BotFramework.Connector;

/// <summary>
/// Retry, timeout and token-refresh settings of the connector client, bound from the
/// configuration section <c>Connector</c>. The defaults follow the Teams guidance: retry 412, 429,
/// 502, 503 and 504 with bounded exponential backoff, and wait as long as Retry-After asks.
/// </summary>
public sealed class ConnectorOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "Connector";

    /// <summary>Retries after the first attempt; 0 turns retrying off.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first backoff delay; later ones double, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest wait between attempts, whether from backoff or from a Retry-After header, so a
    /// connector asking for an hour cannot hold a turn open for an hour.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one HTTP attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a call may take across all its attempts and waits.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long before its expiry an outbound token is replaced.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Teams' connector hosts: the public cloud, GCC, GCC High and DoD (the well-known Teams
    /// service endpoints of the Microsoft 365 Agents SDK, TeamsServiceEndpoints).
    /// </summary>
    public static readonly IReadOnlyList<string> TeamsServiceHosts =
    [
        "smba.trafficmanager.net",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    /// <summary>
    /// The hosts service URLs may name, https on the default port only; empty means
    /// <see cref="TeamsServiceHosts"/>. An array, or one comma-separated string. (Not defaulted in
    /// the property: the configuration binder would append configured hosts to the defaults.)
    /// </summary>
    public string[] AllowedServiceHosts { get; set; } = [];

    /// <summary>The configured hosts, or Teams' when none are.</summary>
    public static IReadOnlyList<string> EffectiveServiceHosts(ConnectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var configured = options.AllowedServiceHosts
            .SelectMany(entry => entry.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToArray();
        return configured.Length > 0 ? configured : TeamsServiceHosts;
    }
}

/// <summary>Start-up checks of <see cref="ConnectorOptions"/>.</summary>
internal static class ConnectorOptionsValidation
{
    // Polly refuses timeouts under 10 ms; checking here fails at start-up with a clear message
    // instead of at the first connector call.
    private static readonly TimeSpan ShortestTimeout = TimeSpan.FromMilliseconds(10);

    public const string Requirements =
        "Connector: MaxRetries must be 0..10; RetryBaseDelay must be positive and at most MaxRetryDelay; " +
        "AttemptTimeout must be at least 10 ms and at most TotalTimeout; TokenRefreshMargin must not be negative.";

    public static bool IsValid(ConnectorOptions options) =>
        options.MaxRetries is >= 0 and <= 10
        && options.RetryBaseDelay > TimeSpan.Zero
        && options.RetryBaseDelay <= options.MaxRetryDelay
        && options.AttemptTimeout >= ShortestTimeout
        && options.AttemptTimeout <= options.TotalTimeout
        && options.TokenRefreshMargin >= TimeSpan.Zero;
}
