namespace PeerSupportBot.BotFramework;

/// <summary>Start-up checks: each app type needs the settings it authenticates with.</summary>
internal static class BotFrameworkOptionsValidation
{
    public const string Requirements =
        "MultiTenant and SingleTenant need MicrosoftAppPassword; SingleTenant and UserAssignedMSI need MicrosoftAppTenantId; MaxRequestBodyBytes must be positive.";

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
