using PeerSupportBot.Deployment.Tests.Manifest;

namespace PeerSupportBot.Deployment.Tests.Infra;

public sealed class CompiledTemplateTests(CompiledTemplateFixture fixture) : IClassFixture<CompiledTemplateFixture>
{
    private ArmTemplate Template => fixture.Template;

    [Fact]
    public void The_compiled_template_keeps_every_infrastructure_guarantee()
    {
        var problems = InfrastructureRules.Check(Template);

        Assert.True(problems.Count == 0, "The infrastructure is weaker than required:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void The_app_settings_are_exactly_the_ones_the_app_reads()
    {
        var settings = Template.WebAppSettings();

        Assert.Equal(
            ["APPLICATIONINSIGHTS_CONNECTION_STRING", "MicrosoftAppId", "MicrosoftAppTenantId", "MicrosoftAppType", "Outbox__TextKey",
                "Storage__ManagedIdentityClientId", "Storage__QueueEndpoint", "Storage__TableEndpoint"],
            settings.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("storageTableDataContributorRoleId", InfrastructureRules.StorageTableDataContributorRoleId, "Microsoft.Storage/storageAccounts")]
    [InlineData("storageQueueDataContributorRoleId", InfrastructureRules.StorageQueueDataContributorRoleId, "Microsoft.Storage/storageAccounts")]
    [InlineData("keyVaultSecretsUserRoleId", InfrastructureRules.KeyVaultSecretsUserRoleId, "Microsoft.KeyVault/vaults")]
    public void Each_role_is_the_built_in_one_for_the_identity_as_a_service_principal(string variable, string roleId, string scopeType)
    {
        var assignment = Assert.Single(Template.Resources("Microsoft.Authorization/roleAssignments"), assignment =>
            assignment["properties"]!["roleDefinitionId"].Text() == $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('{variable}'))]");

        Assert.Equal(roleId, Template.Root["variables"]![variable].Text());
        Assert.Equal("ServicePrincipal", assignment["properties"]!["principalType"].Text());
        Assert.StartsWith($"[resourceId('{scopeType}', ", assignment["scope"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void There_are_only_the_three_role_assignments()
    {
        Assert.Equal(3, Template.Resources("Microsoft.Authorization/roleAssignments").Count);
    }

    [Fact]
    public void The_text_key_setting_is_a_reference_to_a_version_of_the_vault_secret_resolved_as_the_identity()
    {
        var settings = Template.WebAppSettings();

        Assert.Equal(
            "[format('@Microsoft.KeyVault(SecretUri={0})', if(parameters('newOutboxTextKey'), reference('outboxTextKeySecret').secretUriWithVersion, "
                + "reference('currentOutboxTextKeySecret').secretUriWithVersion))]",
            settings["Outbox__TextKey"]);
        Assert.Equal(InfrastructureRules.OutboxTextKeySecretName, Template.Root["variables"]!["outboxTextKeySecretName"].Text());
        Assert.Contains("'Microsoft.ManagedIdentity/userAssignedIdentities'",
            Template.Single("Microsoft.Web/sites")!["properties"]!["keyVaultReferenceIdentity"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_redeployment_can_keep_the_text_key()
    {
        // Writing the secret is what rotates the key; newOutboxTextKey=false must skip it and read the version in use.
        var secrets = Template.Root["resources"]!.AsObject();

        Assert.Equal("[parameters('newOutboxTextKey')]", secrets["outboxTextKeySecret"]!["condition"].Text());
        Assert.Equal("[not(parameters('newOutboxTextKey'))]", secrets["currentOutboxTextKeySecret"]!["condition"].Text());
        Assert.True(secrets["currentOutboxTextKeySecret"]!["existing"]!.GetValue<bool>());
        Assert.Equal("bool", Template.Root["parameters"]!["newOutboxTextKey"]!["type"].Text());
    }

    [Fact]
    public void The_outputs_carry_the_toolkit_names_packaging_and_deploying_read()
    {
        var outputs = Template.Outputs;

        Assert.Equal(["BOT_AZURE_APP_SERVICE_RESOURCE_ID", "BOT_DOMAIN", "BOT_ID", "keyVaultName", "storageQueueEndpoint", "storageTableEndpoint", "webAppName"],
            outputs.Select(pair => pair.Key).Order(StringComparer.Ordinal));
        Assert.EndsWith(".clientId]", outputs["BOT_ID"]!["value"].Text(), StringComparison.Ordinal);
        Assert.EndsWith(".defaultHostName]", outputs["BOT_DOMAIN"]!["value"].Text(), StringComparison.Ordinal);
        Assert.Equal("[resourceId('Microsoft.Web/sites', variables('webAppName'))]", outputs["BOT_AZURE_APP_SERVICE_RESOURCE_ID"]!["value"].Text());
        Assert.EndsWith(".primaryEndpoints.table]", outputs["storageTableEndpoint"]!["value"].Text(), StringComparison.Ordinal);
        Assert.EndsWith(".primaryEndpoints.queue]", outputs["storageQueueEndpoint"]!["value"].Text(), StringComparison.Ordinal);
        Assert.Equal("[variables('keyVaultName')]", outputs["keyVaultName"]!["value"].Text());
    }

    [Fact]
    public void Nothing_is_hard_wired_to_one_region_except_the_global_bot()
    {
        var located = Template.AllResources.Where(resource => resource.ContainsKey("location"));

        Assert.All(located, resource => Assert.Contains(resource["location"].Text(), new[] { "[parameters('location')]", "global" }));
    }
}
