using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Hosting;

/// <summary>
/// Which Microsoft 365 tenants the bot serves. <c>Teams:AllowedTenants</c> lists them (an array,
/// or one string separated by commas). Left empty, a single-tenant or managed-identity bot serves
/// only its own tenant (<c>MicrosoftAppTenantId</c>) and a multi-tenant bot serves any tenant.
/// An activity from any other tenant is acknowledged and otherwise ignored.
/// </summary>
public sealed class TenantAllowList
{
    /// <summary>The configuration key of the list.</summary>
    public const string ConfigurationKey = "Teams:AllowedTenants";

    private readonly HashSet<string>? _allowed;

    /// <summary>Reads the list and its default from configuration.</summary>
    public TenantAllowList(IConfiguration configuration, IOptions<BotFrameworkOptions> options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var configured = Read(configuration.GetSection(ConfigurationKey));
        var bot = options.Value;
        _allowed = configured.Count > 0 ? configured
            : bot.MicrosoftAppType != BotAppType.MultiTenant && !string.IsNullOrWhiteSpace(bot.MicrosoftAppTenantId)
                ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) { bot.MicrosoftAppTenantId.Trim() }
                : null;
    }

    /// <summary>True when every tenant is served.</summary>
    public bool AllowsAny => _allowed is null;

    /// <summary>The tenants served, when not every tenant is.</summary>
    public IReadOnlyCollection<string> Tenants => _allowed ?? [];

    /// <summary>
    /// True when the activity comes from a served tenant. With a list, an activity that names no
    /// tenant is not served: the list fails closed.
    /// </summary>
    public bool Admits(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return _allowed is null || (activity.GetTenantId() is { Length: > 0 } tenant && _allowed.Contains(tenant.Trim()));
    }

    private static HashSet<string> Read(IConfigurationSection section)
    {
        IEnumerable<string?> values = section.Value is { } single
            ? single.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(child => child.Value);
        return new HashSet<string>(
            values.Where(value => !string.IsNullOrWhiteSpace(value)).Select(value => value!.Trim()),
            StringComparer.OrdinalIgnoreCase);
    }
}
