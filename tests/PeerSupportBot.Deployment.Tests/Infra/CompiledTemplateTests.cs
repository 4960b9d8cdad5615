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
            ["APPLICATIONINSIGHTS_CONNECTION_STRING", "MicrosoftAppId", "MicrosoftAppTenantId", "MicrosoftAppType", "Storage__ManagedIdentityClientId", "Storage__TableEndpoint"],
            settings.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_role_is_Storage_Table_Data_Contributor_for_the_identity_as_a_service_principal()
    {
        var assignment = Assert.Single(Template.Resources("Microsoft.Authorization/roleAssignments"));

        Assert.Equal(
            $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('storageTableDataContributorRoleId'))]",
            assignment["properties"]!["roleDefinitionId"].Text());
        Assert.Equal(InfrastructureRules.StorageTableDataContributorRoleId, Template.Root["variables"]!["storageTableDataContributorRoleId"].Text());
        Assert.Equal("ServicePrincipal", assignment["properties"]!["principalType"].Text());
    }

    [Fact]
    public void The_outputs_carry_the_toolkit_names_packaging_and_deploying_read()
    {
        var outputs = Template.Outputs;

        Assert.Equal(["BOT_AZURE_APP_SERVICE_RESOURCE_ID", "BOT_DOMAIN", "BOT_ID", "storageTableEndpoint", "webAppName"], outputs.Select(pair => pair.Key).Order(StringComparer.Ordinal));
        Assert.EndsWith(".clientId]", outputs["BOT_ID"]!["value"].Text(), StringComparison.Ordinal);
        Assert.EndsWith(".defaultHostName]", outputs["BOT_DOMAIN"]!["value"].Text(), StringComparison.Ordinal);
        Assert.Equal("[resourceId('Microsoft.Web/sites', variables('webAppName'))]", outputs["BOT_AZURE_APP_SERVICE_RESOURCE_ID"]!["value"].Text());
        Assert.EndsWith(".primaryEndpoints.table]", outputs["storageTableEndpoint"]!["value"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_hard_wired_to_one_region_except_the_global_bot()
    {
        var located = Template.AllResources.Where(resource => resource.ContainsKey("location"));

        Assert.All(located, resource => Assert.Contains(resource["location"].Text(), new[] { "[parameters('location')]", "global" }));
    }
}
