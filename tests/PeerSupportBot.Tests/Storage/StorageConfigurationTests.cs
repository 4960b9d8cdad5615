using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PeerSupportBot.BotFramework;
using PeerSupportBot.Storage;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Storage;

public sealed class StorageConfigurationTests
{
    [Fact]
    public void A_table_endpoint_is_read_with_the_bots_user_assigned_managed_identity()
    {
        var connection = StorageConnection.From(
            new StorageOptions { TableEndpoint = new Uri("https://peersupport.table.core.windows.net/") },
            new BotFrameworkOptions { MicrosoftAppType = BotAppType.UserAssignedMSI, MicrosoftAppId = "5b1c8f0e-0000-4000-8000-00000000c11d" });

        var identity = Assert.IsType<StorageConnection.ManagedIdentity>(connection);
        Assert.Equal("5b1c8f0e-0000-4000-8000-00000000c11d", identity.ClientId);
        Assert.Equal(new Uri("https://peersupport.table.core.windows.net/"), identity.TableEndpoint);
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(identity.CreateCredential());
    }

    [Fact]
    public void A_separate_storage_identity_wins_over_the_bot_identity()
    {
        var connection = StorageConnection.From(
            new StorageOptions { TableEndpoint = new Uri("https://peersupport.table.core.windows.net/"), ManagedIdentityClientId = "storage-identity" },
            new BotFrameworkOptions { MicrosoftAppId = "bot-identity" });

        Assert.Equal("storage-identity", Assert.IsType<StorageConnection.ManagedIdentity>(connection).ClientId);
    }

    [Fact]
    public void Without_settings_the_bot_uses_Azurite()
    {
        var connection = StorageConnection.From(new StorageOptions(), new BotFrameworkOptions());

        Assert.Equal("UseDevelopmentStorage=true", Assert.IsType<StorageConnection.ConnectionString>(connection).Value);
    }

    [Fact]
    public async Task The_host_reads_its_tables_through_a_configured_table_endpoint()
    {
        await using var app = new BotApplication(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "",
            ["Storage:TableEndpoint"] = "https://peersupport.table.core.windows.net/",
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppId"] = "5b1c8f0e-0000-4000-8000-00000000c11d",
            ["MicrosoftAppTenantId"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
        });

        var client = app.Services.GetRequiredService<TableServiceClient>();

        Assert.Equal("peersupport.table.core.windows.net", client.Uri.Host);
        Assert.Equal("peersupport", client.AccountName);
    }

    [Fact]
    public void Setting_both_a_connection_string_and_a_table_endpoint_fails_at_start_up()
    {
        // What the host runs at start-up (ValidateOnStart), without a host around it: a failing
        // host start races its own disposal in WebApplicationFactory and can surface as
        // ObjectDisposedException instead of the reason.
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = Azurite.ConnectionString,
                ["Storage:TableEndpoint"] = "https://peersupport.table.core.windows.net/",
            })
            .Build());
        services.AddTableStorage();
        using var provider = services.BuildServiceProvider();

        var failure = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate());
        Assert.Contains("not both", failure.ToString(), StringComparison.Ordinal);
    }
}
