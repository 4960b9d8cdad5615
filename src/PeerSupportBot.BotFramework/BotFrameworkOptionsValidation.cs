using Microsoft.Extensions.Hosting;

namespace PeerSupportBot.BotFramework;

/// <summary>Start-up checks: each app type needs the settings it authenticates with.</summary>
internal static class BotFrameworkOptionsValidation
{
    public const string Requirements =
        "MultiTenant and SingleTenant need MicrosoftAppPassword; SingleTenant and UserAssignedMSI need MicrosoftAppTenantId; MaxRequestBodyBytes must be positive.";

    public const string DevelopmentModeRequirement =
        "MicrosoftAppId is empty, which means unauthenticated local development (loopback callers only); " +
        "that is allowed only when the environment is Development (ASPNETCORE_ENVIRONMENT=Development). " +
        "Set MicrosoftAppId (and MicrosoftAppType with its credentials) for any other environment.";

    /// <summary>
    /// The unauthenticated mode is for a developer's machine. Anywhere else an empty app id is a
    /// deployment mistake, and failing start-up is safer than serving whoever reaches loopback.
    /// </summary>
    public static bool IsAllowedIn(BotFrameworkOptions options, IHostEnvironment environment) =>
        !options.IsLocalDevelopment || environment.IsDevelopment();

    public static bool IsValid(BotFrameworkOptions options)
    {
        if (options.MaxRequestBodyBytes <= 0)
        {
            return false;
        }

        if (options.IsLocalDevelopment)
        {
            return true;
        }

        return options.MicrosoftAppType switch
        {
            BotAppType.MultiTenant => !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword),
            BotAppType.SingleTenant => !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword) && !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId),
            BotAppType.UserAssignedMSI => !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId),
            _ => false,
        };
    }
}
