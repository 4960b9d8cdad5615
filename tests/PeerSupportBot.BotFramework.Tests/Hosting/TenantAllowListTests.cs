using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Tests.Hosting;

public sealed class TenantAllowListTests
{
    private const string Own = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private const string Other = "0b1a9f3e-0000-4000-8000-0000000000aa";

    [Theory]
    [InlineData(BotAppType.MultiTenant, Other, true)]
    [InlineData(BotAppType.SingleTenant, Own, true)]
    [InlineData(BotAppType.SingleTenant, Other, false)]
    [InlineData(BotAppType.UserAssignedMSI, Other, false)]
    [InlineData(BotAppType.UserAssignedMSI, null, false)]
    public void Without_a_list_a_single_tenant_bot_serves_its_own_tenant_and_a_multi_tenant_bot_any(BotAppType type, string? tenant, bool admitted)
    {
        var list = List(type, configured: null);

        Assert.Equal(admitted, list.Admits(From(tenant)));
    }

    [Theory]
    [InlineData("72f988bf-86f1-41af-91ab-2d7cd011db47, 0B1A9F3E-0000-4000-8000-0000000000AA")]
    [InlineData("0b1a9f3e-0000-4000-8000-0000000000aa;72f988bf-86f1-41af-91ab-2d7cd011db47")]
    public void A_configured_list_is_the_tenants_served_whatever_the_bot_type(string configured)
    {
        var list = List(BotAppType.MultiTenant, configured);

        Assert.False(list.AllowsAny);
        Assert.True(list.Admits(From(Own)));
        Assert.True(list.Admits(From(Other)));
        Assert.False(list.Admits(From("11111111-0000-4000-8000-000000000001")));
        Assert.False(list.Admits(From(null)));
    }

    [Fact]
    public void A_tenant_in_the_conversation_counts_when_channel_data_has_none_or_is_not_teams_shaped()
    {
        var list = List(BotAppType.SingleTenant, configured: null);
        var activity = new Activity
        {
            Conversation = new ConversationAccount { Id = "a:1", TenantId = Own },
            ChannelData = System.Text.Json.JsonDocument.Parse("""{"tenant":"not an object"}""").RootElement.Clone(),
        };

        Assert.True(list.Admits(activity));
    }

    private static TenantAllowList List(BotAppType type, string? configured) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TenantAllowList.ConfigurationKey] = configured }).Build(),
            Options.Create(new BotFrameworkOptions { MicrosoftAppType = type, MicrosoftAppId = "app", MicrosoftAppTenantId = type == BotAppType.MultiTenant ? null : Own }));

    private static Activity From(string? tenant) => new()
    {
        Conversation = new ConversationAccount { Id = "a:1" },
        ChannelData = tenant is null ? null : System.Text.Json.JsonSerializer.SerializeToElement(new TeamsChannelData { Tenant = new TenantInfo { Id = tenant } }, BotFrameworkJsonContext.Default.TeamsChannelData),
    };
}
