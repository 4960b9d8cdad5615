using System.Text.Json.Nodes;
using PeerSupportBot.Deployment.Tests.Manifest;

namespace PeerSupportBot.Deployment.Tests.Infra;

/// <summary>The rules for what runs the bot: the web app, its settings, the Azure Bot and its telemetry.</summary>
internal static partial class InfrastructureRules
{
    private static IEnumerable<string> WebApp(ArmTemplate template)
    {
        if (template.Single("Microsoft.Web/sites") is not { } site)
        {
            yield return "there must be exactly one web app";
            yield break;
        }

        var properties = site["properties"];
        var config = properties?["siteConfig"];
        if (site["kind"].Text()?.Contains("linux", StringComparison.Ordinal) != true
            || !Is(template.Single("Microsoft.Web/serverfarms")?["properties"]?["reserved"], true))
            yield return "web app: it must run on a Linux App Service plan (kind linux, reserved true)";
        if (config?["linuxFxVersion"].Text() != "DOTNETCORE|10.0")
            yield return $"web app: linuxFxVersion must be DOTNETCORE|10.0, not {config?["linuxFxVersion"]?.ToJsonString()}";
        if (!Is(properties?["httpsOnly"], true))
            yield return "web app: httpsOnly must be true";
        if (config?["healthCheckPath"].Text() != "/healthz")
            yield return "web app: healthCheckPath must be /healthz";
        if (!Is(config?["alwaysOn"], true))
            yield return "web app: alwaysOn must be true, or the first message after a quiet spell times out";
        if (config?["ftpsState"].Text() != "Disabled")
            yield return "web app: ftpsState must be Disabled";
        if (config?["minTlsVersion"].Text() != "1.2")
            yield return "web app: minTlsVersion must be 1.2";
        if (!References(template, properties?["keyVaultReferenceIdentity"].Text(), Identity, "]"))
            yield return "web app: keyVaultReferenceIdentity must be the user-assigned managed identity, the only one with a role on the vault";
        if (site["identity"]?["type"].Text() != "UserAssigned"
            || site["identity"]?["userAssignedIdentities"] is not JsonObject identities
            || !identities.Any(pair => template.Mentions(pair.Key, Identity)))
            yield return "web app: the user-assigned managed identity must be attached";

        foreach (var kind in new[] { "scm", "ftp" })
        {
            var policy = template.Resources("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
                .FirstOrDefault(resource => resource["name"].Text()?.EndsWith($"'{kind}')]", StringComparison.Ordinal) == true);
            if (!Is(policy?["properties"]?["allow"], false))
                yield return $"web app: basic-auth publishing ({kind}) must be switched off";
        }
    }

    private static IEnumerable<string> AppSettings(ArmTemplate template)
    {
        var settings = template.WebAppSettings();
        if (settings.GetValueOrDefault("MicrosoftAppType") != "UserAssignedMSI")
            yield return "app setting MicrosoftAppType must be UserAssignedMSI";
        if (!References(template, settings.GetValueOrDefault("MicrosoftAppId"), Identity, ".clientId]"))
            yield return "app setting MicrosoftAppId must be the managed identity's client id";
        if (!References(template, settings.GetValueOrDefault("MicrosoftAppTenantId"), Identity, ".tenantId]"))
            yield return "app setting MicrosoftAppTenantId must be the managed identity's tenant";
        if (!References(template, settings.GetValueOrDefault("Storage__TableEndpoint"), "Microsoft.Storage/storageAccounts", ".primaryEndpoints.table]"))
            yield return "app setting Storage__TableEndpoint must be the storage account's table endpoint";
        if (!References(template, settings.GetValueOrDefault("Storage__QueueEndpoint"), StorageAccount, ".primaryEndpoints.queue]"))
            yield return "app setting Storage__QueueEndpoint must be the storage account's queue endpoint";
        if (!IsOutboxTextKeyReference(template, settings.GetValueOrDefault("Outbox__TextKey")))
            yield return "app setting Outbox__TextKey must be a Key Vault reference to a version of this template's outbox-text-key secret, never the key itself";

        foreach (var (name, value) in settings)
        {
            // The one secret the app needs is read from Key Vault; any other is a password to get rid of.
            if (SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase))
                && !(name == "Outbox__TextKey" && IsOutboxTextKeyReference(template, value)))
                yield return $"app setting {name} looks like a secret; the app must authenticate as its managed identity";
            if (SecretFunctions.Any(function => value.Contains(function, StringComparison.OrdinalIgnoreCase)))
                yield return $"app setting {name} carries a key or secret ({value})";
        }
    }

    private static IEnumerable<string> Bot(ArmTemplate template)
    {
        if (template.Single("Microsoft.BotService/botServices") is not { } bot)
        {
            yield return "there must be exactly one Azure Bot";
            yield break;
        }

        var properties = bot["properties"];
        if (properties?["msaAppType"].Text() != "UserAssignedMSI")
            yield return "bot: msaAppType must be UserAssignedMSI";
        if (!References(template, properties?["msaAppId"].Text(), Identity, ".clientId]"))
            yield return "bot: msaAppId must be the managed identity's client id";
        if (!References(template, properties?["msaAppTenantId"].Text(), Identity, ".tenantId]"))
            yield return "bot: msaAppTenantId must be the managed identity's tenant";
        if (!References(template, properties?["msaAppMSIResourceId"].Text(), Identity, "]"))
            yield return "bot: msaAppMSIResourceId must be the managed identity's resource id";
        var endpoint = properties?["endpoint"].Text() ?? "";
        if (!endpoint.Contains("'https://{0}/api/messages'", StringComparison.Ordinal)
            || !endpoint.Contains(".defaultHostName", StringComparison.Ordinal)
            || !template.Mentions(endpoint, "Microsoft.Web/sites"))
            yield return $"bot: endpoint must be https://<web app host>/api/messages, not {endpoint}";

        var teams = template.Resources("Microsoft.BotService/botServices/channels")
            .FirstOrDefault(channel => channel["properties"]?["channelName"].Text() == "MsTeamsChannel");
        if (teams is null || !Is(teams["properties"]?["properties"]?["isEnabled"], true))
            yield return "bot: the Teams channel (MsTeamsChannel) must be enabled";
    }

    private static IEnumerable<string> Telemetry(ArmTemplate template)
    {
        if (template.Single("Microsoft.OperationalInsights/workspaces") is null)
            yield return "there must be a Log Analytics workspace";
        var workspace = template.Single("Microsoft.Insights/components")?["properties"]?["WorkspaceResourceId"].Text();
        if (!template.Mentions(workspace, "Microsoft.OperationalInsights/workspaces"))
            yield return "Application Insights must be on the Log Analytics workspace (WorkspaceResourceId)";
    }
}
