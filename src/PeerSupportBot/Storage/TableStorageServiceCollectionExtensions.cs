using Azure.Core;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using PeerSupportBot.BotFramework;
using PeerSupportBot.Observability;

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
            return CreateServiceClient(storage, bot, new StorageTelemetryPolicy(provider.GetRequiredService<StorageTelemetry>()));
        });
        services.AddSingleton<Tables>();
        services.AddSingleton<PersonPseudonyms>();
        services.AddSingleton<AttemptCounter>();
        services.AddHealthChecks()
            .AddCheck<TableStorageHealthCheck>("table-storage")
            .AddCheck<QueueStorageHealthCheck>("queue-storage");
        return services;
    }

    internal static TableServiceClient CreateServiceClient(StorageOptions storage, BotFrameworkOptions bot, StorageTelemetryPolicy telemetry)
    {
        // Per call, so one span covers a call and its retries.
        var options = new TableClientOptions().Bounded(storage);
        options.AddPolicy(telemetry, HttpPipelinePosition.PerCall);
        return StorageConnection.From(storage, bot) switch
        {
            StorageConnection.ManagedIdentity identity => new TableServiceClient(identity.TableEndpoint, identity.CreateCredential(), options),
            StorageConnection.ConnectionString connection => new TableServiceClient(connection.Value, options),
            _ => throw new InvalidOperationException("Unknown storage connection."),
        };
    }
}
