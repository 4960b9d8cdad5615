using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PeerSupportBot.BotFramework;

namespace PeerSupportBot.Storage;

internal static class TableStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the table service client: with Storage:TableEndpoint it authenticates as the
    /// user-assigned managed identity; otherwise it uses Storage:ConnectionString, Azurite by default.
    /// </summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var bot = provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
            return CreateServiceClient(storage, bot);
        });
        services.AddSingleton<Tables>();
        services.AddHealthChecks().AddCheck<TableStorageHealthCheck>("table-storage");
        return services;
    }

    internal static TableServiceClient CreateServiceClient(StorageOptions storage, BotFrameworkOptions bot) =>
        StorageConnection.From(storage, bot) switch
        {
            StorageConnection.ManagedIdentity identity => new TableServiceClient(identity.TableEndpoint, identity.CreateCredential()),
            StorageConnection.ConnectionString connection => new TableServiceClient(connection.Value),
            _ => throw new InvalidOperationException("Unknown storage connection."),
        };
}
