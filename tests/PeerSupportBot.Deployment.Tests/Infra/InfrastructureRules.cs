using System.Text.Json.Nodes;
using PeerSupportBot.Deployment.Tests.Manifest;

namespace PeerSupportBot.Deployment.Tests.Infra;

/// <summary>
/// What the compiled infrastructure must guarantee, checked on the ARM JSON so that weakening
/// main.bicep (a key turned back on, a password setting, the wrong role) fails the tests.
/// </summary>
internal static partial class InfrastructureRules
{
    public const string StorageTableDataContributorRoleId = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    public const string StorageQueueDataContributorRoleId = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    public const string KeyVaultSecretsUserRoleId = "4633458b-17de-408a-b874-0445c86b69e6";

    // The app's queue with the default (empty) Storage:TablePrefix, and the vault secret it reads.
    public const string OutboxQueueName = "outbox";
    public const string OutboxTextKeySecretName = "outbox-text-key";
    public const string OutboxTextKeyParameter = "outboxTextKey";

    private const string StorageAccount = "Microsoft.Storage/storageAccounts";
    private const string Vault = "Microsoft.KeyVault/vaults";
    private const string VaultSecret = "Microsoft.KeyVault/vaults/secrets";

    private const string Identity = "Microsoft.ManagedIdentity/userAssignedIdentities";
    private static readonly string[] SecretWords = ["password", "secret", "key"];
    private static readonly string[] SecretFunctions = ["listKeys(", "listSecrets(", "listCredentials(", "AccountKey=", "SharedAccessSignature"];

    public static IReadOnlyList<string> Check(ArmTemplate template) =>
    [
        .. Storage(template),
        .. RoleAssignments(template),
        .. KeyVault(template),
        .. SecureParameters(template),
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
        .. Role(template, "Key Vault Secrets User", KeyVaultSecretsUserRoleId, Vault, "the key vault"),
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

    private static IEnumerable<string> KeyVault(ArmTemplate template)
    {
        if (template.Single(Vault)?["properties"] is not JsonObject vault)
        {
            yield return "there must be exactly one key vault, for the outbox text key";
            yield break;
        }

        // Access policies would let the vault's own settings grant reads that no role assignment shows.
        if (!Is(vault["enableRbacAuthorization"], true))
            yield return "key vault: enableRbacAuthorization must be true, so only Azure role assignments grant access";
        if (!Is(vault["enableSoftDelete"], true))
            yield return "key vault: enableSoftDelete must be true";
        if (!Is(vault["enablePurgeProtection"], true))
            yield return "key vault: enablePurgeProtection must be true, so the key cannot be destroyed while texts encrypted with it wait";

        // The one the template writes; an "existing" one only reads the version already there.
        var secret = template.Resources(VaultSecret).FirstOrDefault(resource => !Is(resource["existing"], true) && IsOutboxTextKeySecret(template, resource));
        if (secret is null)
            yield return $"key vault: the secret {OutboxTextKeySecretName} must be declared";
        else if (secret["properties"]?["value"].Text() != $"[parameters('{OutboxTextKeyParameter}')]")
            yield return $"key vault: the secret {OutboxTextKeySecretName} must hold the {OutboxTextKeyParameter} parameter";

        if (template.Root["parameters"]?[OutboxTextKeyParameter] is not JsonObject key)
        {
            yield return $"the {OutboxTextKeyParameter} parameter must exist";
            yield break;
        }

        if (!string.Equals(key["type"].Text(), "securestring", StringComparison.OrdinalIgnoreCase))
            yield return $"the {OutboxTextKeyParameter} parameter must be a secure string, so deployments never record it";
        // Each newGuid() gives 122 random bits; two make a key nobody can guess, and a literal is known to all.
        var random = key["defaultValue"].Text() is { } value && value.StartsWith('[')
            ? value.Split("newGuid()").Length - 1
            : 0;
        if (random < 2)
            yield return $"the {OutboxTextKeyParameter} parameter's default must be random: at least two newGuid(), not {key["defaultValue"]?.ToJsonString()}";
        if (!(key["minLength"] is JsonValue minLength && minLength.TryGetValue<int>(out var length) && length >= 32))
            yield return $"the {OutboxTextKeyParameter} parameter must have a minLength of at least 32, so a key given by hand is long";
    }

    /// <summary>A secure parameter's value may go only into a Key Vault secret: never into storage, a setting or an output.</summary>
    private static IEnumerable<string> SecureParameters(ArmTemplate template)
    {
        var secure = (template.Root["parameters"] as JsonObject ?? [])
            .Where(pair => pair.Value?["type"].Text()?.StartsWith("secure", StringComparison.OrdinalIgnoreCase) == true)
            .Select(pair => pair.Key);
        foreach (var name in secure)
        {
            var use = $"parameters('{name}')";
            var holders = template.AllResources
                .Where(resource => Strings(resource).Any(text => text.Contains(use, StringComparison.Ordinal)) && !OnlyAsSecretValue(resource, use))
                .Select(resource => resource["type"].Text());
            foreach (var holder in holders)
                yield return $"the secure parameter {name} may go only into a Key Vault secret's value, not into {holder}";
            if (Strings(template.Outputs).Any(text => text.Contains(use, StringComparison.Ordinal)))
                yield return $"the secure parameter {name} may go only into a Key Vault secret's value, not into an output";
        }
    }

    private static bool OnlyAsSecretValue(JsonObject resource, string use)
    {
        if (!string.Equals(resource["type"].Text(), VaultSecret, StringComparison.OrdinalIgnoreCase) || resource["properties"]?["value"].Text() != $"[{use}]")
            return false;
        var rest = (JsonObject)resource.DeepClone();
        rest["properties"]!.AsObject().Remove("value");
        return !Strings(rest).Any(text => text.Contains(use, StringComparison.Ordinal));
    }

    // Every string in a JSON tree, names included; ToJsonString would escape the quotes in ARM expressions.
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(pair => Strings(pair.Value).Prepend(pair.Key)),
        JsonArray array => array.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    // @Microsoft.KeyVault(SecretUri=<a version of this template's outbox-text-key secret>). A URI typed in could
    // point at any vault, a plain value is the key itself, and an unversioned URI lets instances of the app
    // switch keys at different times (App Service refreshes each within 24 hours).
    private static bool IsOutboxTextKeyReference(ArmTemplate template, string? value)
    {
        if (value is null || !value.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0})', ", StringComparison.Ordinal) || !value.EndsWith(']'))
            return false;
        var secrets = template.Root["resources"] is JsonObject symbolic
            ? symbolic.Where(pair => string.Equals(pair.Value?["type"].Text(), VaultSecret, StringComparison.OrdinalIgnoreCase)
                    && value.Contains($"reference('{pair.Key}')", StringComparison.Ordinal))
                .Select(pair => pair.Value!.AsObject())
                .ToList()
            : [];
        var uses = value.Split("reference('").Length - 1;
        return secrets.Count > 0
            && uses == value.Split(".secretUriWithVersion").Length - 1
            && secrets.All(secret => IsOutboxTextKeySecret(template, secret));
    }

    private static bool IsOutboxTextKeySecret(ArmTemplate template, JsonObject secret) =>
        template.ExpandVariables(secret["name"].Text())?.EndsWith($"'{OutboxTextKeySecretName}')]", StringComparison.Ordinal) == true;

    private static bool Is(JsonNode? node, bool expected) =>
        node is JsonValue value && value.TryGetValue<bool>(out var actual) && actual == expected;

    // An ARM expression such as [reference(resourceId('Microsoft.ManagedIdentity/…', …), '…').clientId].
    private static bool References(ArmTemplate template, string? expression, string resourceType, string ending) =>
        expression is not null
        && expression.StartsWith('[')
        && template.Mentions(expression, resourceType)
        && expression.EndsWith(ending, StringComparison.Ordinal);
}
