using Azure.Storage.Queues;
using Microsoft.Extensions.Options;
using PeerSupportBot.BotFramework;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Outbox;

internal static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// The durable outbox: every proactive post is queued in the turn and delivered by a worker
    /// in this process, so no turn waits for Teams to accept a post.
    /// </summary>
    public static IServiceCollection AddOutbox(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.Section)
            .ValidateDataAnnotations()
            .Validate<IHostEnvironment>(
                (outbox, environment) => environment.IsDevelopment() || !string.IsNullOrWhiteSpace(outbox.TextKey),
                "Outbox:TextKey is required outside Development: the key that seals text in the outbox queue (a Key Vault reference in Azure).")
            .ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var storage = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            var bot = provider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
            var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }.Bounded(storage);
            return StorageConnection.From(storage, bot) switch
            {
                StorageConnection.ManagedIdentity identity => new QueueServiceClient(identity.QueueEndpoint, identity.CreateCredential(), queueOptions),
                StorageConnection.ConnectionString connection => new QueueServiceClient(connection.Value, queueOptions),
                _ => throw new InvalidOperationException("Unknown storage connection."),
            };
        });
        services.AddSingleton<SealedText>();
        services.AddSingleton<OutboxQueue>();
        services.AddSingleton<PostLimits>();
        services.AddSingleton<DeliveryRecords>();
        services.AddScoped<OutboxDelivery>();
        services.AddHostedService<OutboxWorker>();
        return services;
    }

    /// <summary>Registers what composes and follows up the posts of one kind.</summary>
    public static IServiceCollection AddOutboxComposer<TComposer>(this IServiceCollection services, string kind)
        where TComposer : class, IOutboxComposer =>
        services.AddKeyedScoped<IOutboxComposer, TComposer>(kind);

    /// <summary>Registers the work the worker carries out for messages of one kind.</summary>
    public static IServiceCollection AddOutboxJob<TJob>(this IServiceCollection services, string kind)
        where TJob : class, IOutboxJob =>
        services.AddKeyedScoped<IOutboxJob, TJob>(kind);
}
