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
            ["APPLICATIONINSIGHTS_CONNECTION_STRING", "MicrosoftAppId", "MicrosoftAppTenantId", "MicrosoftAppType",
                "Storage__ManagedIdentityClientId", "Storage__QueueEndpoint", "Storage__TableEndpoint"],
            settings.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("storageTableDataContributorRoleId", InfrastructureRules.StorageTableDataContributorRoleId, "Microsoft.Storage/storageAccounts")]
    [InlineData("storageQueueDataContributorRoleId", InfrastructureRules.StorageQueueDataContributorRoleId, "Microsoft.Storage/storageAccounts")]
    public void Each_role_is_the_built_in_one_for_the_identity_as_a_service_principal(string variable, string roleId, string scopeType)
    {
        var assignment = Assert.Single(Template.Resources("Microsoft.Authorization/roleAssignments"), assignment =>
            assignment["properties"]!["roleDefinitionId"].Text() == $"[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', variables('{variable}'))]");

        Assert.Equal(roleId, Template.Root["variables"]![variable].Text());
        Assert.Equal("ServicePrincipal", assignment["properties"]!["principalType"].Text());
        Assert.StartsWith($"[resourceId('{scopeType}', ", assignment["scope"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void There_are_only_the_two_role_assignments()
    {
        Assert.Equal(2, Template.Resources("Microsoft.Authorization/roleAssignments").Count);
    }

    [Fact]
    public void The_outputs_give_what_packaging_and_publishing_need()
    {
        var outputs = Template.Outputs;

        Assert.Equal(["botId", "storageQueueEndpoint", "storageTableEndpoint", "webAppHostName", "webAppName"],
            outputs.Select(pair => pair.Key).Order(StringComparer.Ordinal));
        Assert.EndsWith(".clientId]", outputs["botId"]!["value"].Text(), StringComparison.Ordinal);
        Assert.EndsWith(".defaultHostName]", outputs["webAppHostName"]!["value"].Text(), StringComparison.Ordinal);
        Assert.EndsWith(".primaryEndpoints.table]", outputs["storageTableEndpoint"]!["value"].Text(), StringComparison.Ordinal);
        Assert.EndsWith(".primaryEndpoints.queue]", outputs["storageQueueEndpoint"]!["value"].Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_is_hard_wired_to_one_region_except_the_global_bot()
    {
        var located = Template.AllResources.Where(resource => resource.ContainsKey("location"));

        Assert.All(located, resource => Assert.Contains(resource["location"].Text(), new[] { "[parameters('location')]", "global" }));
    }
}
