using System.Text.Json.Nodes;
using PeerSupportBot.Deployment.Tests.Manifest;

namespace PeerSupportBot.Deployment.Tests.Infra;

/// <summary>Each weakened copy of the compiled template must be caught, and for the right reason.</summary>
public sealed class WeakenedTemplateTests(CompiledTemplateFixture fixture) : IClassFixture<CompiledTemplateFixture>
{
    private static readonly Dictionary<string, (Action<ArmTemplate> Weaken, string Reason)> Cases = new()
    {
        ["shared keys back on"] = (t => Storage(t)["allowSharedKeyAccess"] = true, "allowSharedKeyAccess must be false"),
        ["TLS 1.0 storage"] = (t => Storage(t)["minimumTlsVersion"] = "TLS1_0", "minimumTlsVersion must be TLS1_2"),
        ["public blobs"] = (t => Storage(t)["allowBlobPublicAccess"] = true, "allowBlobPublicAccess must be false"),
        ["Owner instead of table access"] = (t => RoleDefinition(t, "storageTableDataContributorRoleId", "8e3af657-a8ff-443c-a75c-2fe8c4bcb635"),
            "no role assignment grants Storage Table Data Contributor"),
        ["no queue role"] = (t => t.Remove(Assignment(t, "storageQueueDataContributorRoleId")), "no role assignment grants Storage Queue Data Contributor"),
        ["queue reader instead of contributor"] = (t => RoleDefinition(t, "storageQueueDataContributorRoleId", "19e7f393-937e-4f77-808e-94535e297925"),
            "no role assignment grants Storage Queue Data Contributor"),
        ["queue role for someone else"] = (t => Assignment(t, "storageQueueDataContributorRoleId")["properties"]!["principalId"] = "00000000-0000-0000-0000-000000000000",
            "the Storage Queue Data Contributor assignment must be for the managed identity"),
        ["no queue service"] = (t => t.Remove(t.Single("Microsoft.Storage/storageAccounts/queueServices")!), "storage: the queue service must be declared"),
        ["no outbox queue"] = (t => t.Remove(t.Single("Microsoft.Storage/storageAccounts/queueServices/queues")!), "storage: a queue named outbox must be declared"),
        ["queue endpoint missing"] = (t => RemoveSetting(t, "Storage__QueueEndpoint"), "app setting Storage__QueueEndpoint must be the storage account's queue endpoint"),
        ["text key as a literal"] = (t => SetSetting(t, "Outbox__TextKey", "3f2b8c1e-0d4a-4c55-9e8f-7a6b5c4d3e2f"), "app setting Outbox__TextKey must be a Key Vault reference"),
        ["text key from a vault typed in"] = (t => SetSetting(t, "Outbox__TextKey", "@Microsoft.KeyVault(SecretUri=https://elsewhere.vault.azure.net/secrets/outbox-text-key)"),
            "app setting Outbox__TextKey must be a Key Vault reference"),
        ["text key follows the newest version"] = (t => SetSetting(t, "Outbox__TextKey",
            "[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1})', reference('keyVault').vaultUri, variables('outboxTextKeySecretName'))]"),
            "app setting Outbox__TextKey must be a Key Vault reference"),
        ["text key from another secret"] = (t => TextKeySecret(t)["name"] = "[format('{0}/{1}', variables('keyVaultName'), 'other')]",
            "app setting Outbox__TextKey must be a Key Vault reference"),
        ["text key setting missing"] = (t => RemoveSetting(t, "Outbox__TextKey"), "app setting Outbox__TextKey must be a Key Vault reference"),
        ["vault with access policies"] = (t => Vault(t)["enableRbacAuthorization"] = false, "key vault: enableRbacAuthorization must be true"),
        ["vault without soft delete"] = (t => Vault(t)["enableSoftDelete"] = false, "key vault: enableSoftDelete must be true"),
        ["vault purgeable"] = (t => Vault(t).Remove("enablePurgeProtection"), "key vault: enablePurgeProtection must be true"),
        ["no vault"] = (t => t.Remove(t.Single("Microsoft.KeyVault/vaults")!), "there must be exactly one key vault"),
        ["no text key secret"] = (t => t.Remove(TextKeySecret(t)), "key vault: the secret outbox-text-key must be declared"),
        ["no secrets role"] = (t => t.Remove(Assignment(t, "keyVaultSecretsUserRoleId")), "no role assignment grants Key Vault Secrets User"),
        ["secrets role on storage"] = (t => Assignment(t, "keyVaultSecretsUserRoleId")["scope"] = "[resourceId('Microsoft.Storage/storageAccounts', variables('storageAccountName'))]",
            "the Key Vault Secrets User assignment must be scoped to the key vault"),
        ["references resolved as another identity"] = (t => Site(t)["properties"]!.AsObject().Remove("keyVaultReferenceIdentity"),
            "web app: keyVaultReferenceIdentity must be the user-assigned managed identity"),
        ["guessable text key"] = (t => TextKey(t)["defaultValue"] = "outbox-text-key-outbox-text-key-outbox", "the outboxTextKey parameter's default must be random"),
        ["one GUID of text key"] = (t => TextKey(t)["defaultValue"] = "[format('key-{0}-key', newGuid())]", "the outboxTextKey parameter's default must be random"),
        ["short text key allowed"] = (t => TextKey(t).Remove("minLength"), "the outboxTextKey parameter must have a minLength of at least 32"),
        ["text key not secure"] = (t => TextKey(t)["type"] = "string", "the outboxTextKey parameter must be a secure string"),
        ["text key in queue metadata"] = (t => t.Single("Microsoft.Storage/storageAccounts/queueServices/queues")!["properties"] =
            new JsonObject { ["metadata"] = new JsonObject { ["key"] = "[parameters('outboxTextKey')]" } },
            "the secure parameter outboxTextKey may go only into a Key Vault secret's value, not into Microsoft.Storage/storageAccounts/queueServices/queues"),
        ["text key in a setting"] = (t => SetSetting(t, "Outbox__TextKey", "[parameters('outboxTextKey')]"),
            "the secure parameter outboxTextKey may go only into a Key Vault secret's value, not into Microsoft.Web/sites"),
        ["text key as output"] = (t => t.Outputs["key"] = new JsonObject { ["type"] = "string", ["value"] = "[parameters('outboxTextKey')]" },
            "the secure parameter outboxTextKey may go only into a Key Vault secret's value, not into an output"),
        ["text key secret holds something else"] = (t => TextKeySecret(t)["properties"]!["value"] = "[parameters('baseName')]",
            "key vault: the secret outbox-text-key must hold the outboxTextKey parameter"),
        ["http allowed"] = (t => Site(t)["properties"]!["httpsOnly"] = false, "httpsOnly must be true"),
        [".NET 8"] = (t => SiteConfig(t)["linuxFxVersion"] = "DOTNETCORE|8.0", "linuxFxVersion must be DOTNETCORE|10.0"),
        ["no health check"] = (t => SiteConfig(t).Remove("healthCheckPath"), "healthCheckPath must be /healthz"),
        ["sleeps when idle"] = (t => SiteConfig(t)["alwaysOn"] = false, "alwaysOn must be true"),
        ["FTP on"] = (t => SiteConfig(t)["ftpsState"] = "AllAllowed", "ftpsState must be Disabled"),
        ["publishing password"] = (t => t.Resources("Microsoft.Web/sites/basicPublishingCredentialsPolicies")[0]["properties"]!["allow"] = true,
            "basic-auth publishing (scm) must be switched off"),
        ["identity detached"] = (t => Site(t).Remove("identity"), "the user-assigned managed identity must be attached"),
        ["app password in settings"] = (t => AddSetting(t, "MicrosoftAppPassword", "hunter2"), "app setting MicrosoftAppPassword looks like a secret"),
        ["storage key in settings"] = (t => AddSetting(t, "Storage__ConnectionString",
            "[format('DefaultEndpointsProtocol=https;AccountKey={0}', listKeys(resourceId('Microsoft.Storage/storageAccounts', 'x'), '2025-06-01').keys[0].value)]"),
            "app setting Storage__ConnectionString carries a key or secret"),
        ["multi-tenant bot"] = (t => Bot(t)["msaAppType"] = "MultiTenant", "bot: msaAppType must be UserAssignedMSI"),
        ["bot app id typed in"] = (t => Bot(t)["msaAppId"] = "00000000-0000-0000-0000-000000000000", "bot: msaAppId must be the managed identity's client id"),
        ["bot endpoint elsewhere"] = (t => Bot(t)["endpoint"] = "https://example.com/api/messages", "bot: endpoint must be https://<web app host>/api/messages"),
        ["no Teams channel"] = (t => t.Remove(t.Single("Microsoft.BotService/botServices/channels")!), "the Teams channel (MsTeamsChannel) must be enabled"),
        ["classic Application Insights"] = (t => t.Single("Microsoft.Insights/components")!["properties"]!.AsObject().Remove("WorkspaceResourceId"),
            "Application Insights must be on the Log Analytics workspace"),
        ["app type setting changed"] = (t => SetSetting(t, "MicrosoftAppType", "MultiTenant"), "app setting MicrosoftAppType must be UserAssignedMSI"),
        ["table endpoint missing"] = (t => RemoveSetting(t, "Storage__TableEndpoint"), "app setting Storage__TableEndpoint must be the storage account's table endpoint"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_weakened_template_is_caught_with_the_reason(string caseName)
    {
        var (weaken, reason) = Cases[caseName];
        var template = fixture.Template.Copy();

        weaken(template);
        var problems = InfrastructureRules.Check(template);

        Assert.True(problems.Any(problem => problem.Contains(reason, StringComparison.Ordinal)),
            $"Expected a problem containing \"{reason}\", got:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    private static JsonObject Storage(ArmTemplate template) => template.Single("Microsoft.Storage/storageAccounts")!["properties"]!.AsObject();

    private static JsonObject Site(ArmTemplate template) => template.Single("Microsoft.Web/sites")!;

    private static JsonObject SiteConfig(ArmTemplate template) => Site(template)["properties"]!["siteConfig"]!.AsObject();

    private static JsonObject Bot(ArmTemplate template) => template.Single("Microsoft.BotService/botServices")!["properties"]!.AsObject();

    private static JsonObject Vault(ArmTemplate template) => template.Single("Microsoft.KeyVault/vaults")!["properties"]!.AsObject();

    private static JsonObject TextKey(ArmTemplate template) => template.Root["parameters"]![InfrastructureRules.OutboxTextKeyParameter]!.AsObject();

    // The secret the template writes, not the "existing" one it reads when it keeps the key.
    private static JsonObject TextKeySecret(ArmTemplate template) =>
        template.Resources("Microsoft.KeyVault/vaults/secrets").Single(secret => secret["existing"] is null);

    /// <summary>The role assignment whose role definition is the template variable <paramref name="roleVariable"/>.</summary>
    private static JsonObject Assignment(ArmTemplate template, string roleVariable) =>
        template.Resources("Microsoft.Authorization/roleAssignments").Single(assignment =>
            assignment["properties"]!["roleDefinitionId"].Text()!.Contains($"variables('{roleVariable}')", StringComparison.Ordinal));

    private static JsonArray Settings(ArmTemplate template) => SiteConfig(template)["appSettings"]!.AsArray();

    private static void RoleDefinition(ArmTemplate template, string roleVariable, string roleId) =>
        Assignment(template, roleVariable)["properties"]!["roleDefinitionId"] =
            $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '{roleId}')]";

    private static void AddSetting(ArmTemplate template, string name, string value) =>
        Settings(template).Add(new JsonObject { ["name"] = name, ["value"] = value });

    private static void SetSetting(ArmTemplate template, string name, string value) =>
        Settings(template).OfType<JsonObject>().Single(setting => setting["name"].Text() == name)["value"] = value;

    private static void RemoveSetting(ArmTemplate template, string name) =>
        Settings(template).Remove(Settings(template).OfType<JsonObject>().Single(setting => setting["name"].Text() == name));
}
