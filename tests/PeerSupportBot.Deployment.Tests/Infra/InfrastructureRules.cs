using System.Text.Json.Nodes;
using PeerSupportBot.Deployment.Tests.Manifest;

namespace PeerSupportBot.Deployment.Tests.Infra;

/// <summary>
/// What the compiled infrastructure must guarantee, checked on the ARM JSON so that weakening
/// main.bicep (a key turned back on, a password setting, the wrong role) fails the tests.
/// </summary>
internal static class InfrastructureRules
{
    public const string StorageTableDataContributorRoleId = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string StorageQueueDataContributorRoleId = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";

    // The app's queue with the default (empty) Storage:TablePrefix.
    public const string OutboxQueueName = "outbox";

    private const string StorageAccount = "Microsoft.Storage/storageAccounts";

    private const string Identity = "Microsoft.ManagedIdentity/userAssignedIdentities";
    private static readonly string[] SecretWords = ["password", "secret", "key"];
    private static readonly string[] SecretFunctions = ["listKeys(", "listSecrets(", "listCredentials(", "AccountKey=", "SharedAccessSignature"];

    public static IReadOnlyList<string> Check(ArmTemplate template) =>
    [
        .. Storage(template),
        .. RoleAssignments(template),
        .. WebApp(template),
        .. AppSettings(template),
        .. Bot(template),
        .. Telemetry(template),
    ];

    private static IEnumerable<string> Storage(ArmTemplate template)
    {
        if (template.Single("Microsoft.Storage/storageAccounts")?["properties"] is not JsonObject storage)
        {
            yield return "there must be exactly one storage account";
            yield break;
        }

        if (!Is(storage["allowSharedKeyAccess"], false))
            yield return "storage: allowSharedKeyAccess must be false, so only Entra identities get in";
        if (storage["minimumTlsVersion"].Text() != "TLS1_2")
            yield return $"storage: minimumTlsVersion must be TLS1_2, not {storage["minimumTlsVersion"]?.ToJsonString()}";
        if (!Is(storage["allowBlobPublicAccess"], false))
            yield return "storage: allowBlobPublicAccess must be false";
        if (!Is(storage["supportsHttpsTrafficOnly"], true))
            yield return "storage: supportsHttpsTrafficOnly must be true";
        if (template.Single("Microsoft.Storage/storageAccounts/tableServices") is null)
            yield return "storage: the table service must be declared";
        if (template.Single("Microsoft.Storage/storageAccounts/queueServices") is null)
            yield return "storage: the queue service must be declared";
        // The name compiles to format('{0}/{1}/{2}', <account>, 'default', <queue>).
        if (!template.Resources("Microsoft.Storage/storageAccounts/queueServices/queues").Any(queue =>
                template.ExpandVariables(queue["name"].Text())?.EndsWith($"'{OutboxQueueName}')]", StringComparison.Ordinal) == true))
            yield return $"storage: a queue named {OutboxQueueName} must be declared";
    }

    private static IEnumerable<string> RoleAssignments(ArmTemplate template) =>
    [
        .. Role(template, "Storage Table Data Contributor", StorageTableDataContributorRoleId, StorageAccount, "the storage account"),
        .. Role(template, "Storage Queue Data Contributor", StorageQueueDataContributorRoleId, StorageAccount, "the storage account"),
    ];

    /// <summary>The built-in role <paramref name="roleId"/> must go to the managed identity, on a resource of <paramref name="scopeType"/>.</summary>
    private static IEnumerable<string> Role(ArmTemplate template, string roleName, string roleId, string scopeType, string scopeName)
    {
        var assignment = template.Resources("Microsoft.Authorization/roleAssignments").FirstOrDefault(assignment =>
            template.ExpandVariables(assignment["properties"]?["roleDefinitionId"].Text())?
                .Contains($"'Microsoft.Authorization/roleDefinitions', '{roleId}'", StringComparison.OrdinalIgnoreCase) == true);
        if (assignment is null)
        {
            yield return $"no role assignment grants {roleName} ({roleId})";
            yield break;
        }

        if (!template.Mentions(assignment["scope"].Text(), scopeType))
            yield return $"the {roleName} assignment must be scoped to {scopeName}";
        var principal = assignment["properties"]?["principalId"].Text() ?? "";
        if (!References(template, principal, Identity, ".principalId]"))
            yield return $"the {roleName} assignment must be for the managed identity, not {principal}";
    }

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

        foreach (var (name, value) in settings)
        {
            if (SecretWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase)))
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

    private static bool Is(JsonNode? node, bool expected) =>
        node is JsonValue value && value.TryGetValue<bool>(out var actual) && actual == expected;

    // An ARM expression such as [reference(resourceId('Microsoft.ManagedIdentity/…', …), '…').clientId].
    private static bool References(ArmTemplate template, string? expression, string resourceType, string ending) =>
        expression is not null
        && expression.StartsWith('[')
        && template.Mentions(expression, resourceType)
        && expression.EndsWith(ending, StringComparison.Ordinal);
}
