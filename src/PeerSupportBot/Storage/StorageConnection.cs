using Azure.Core;
using Azure.Identity;
using PeerSupportBot.BotFramework;

namespace PeerSupportBot.Storage;

/// <summary>How the bot reaches its tables, decided from configuration alone.</summary>
internal abstract record StorageConnection
{
    /// <summary>A table endpoint read as a user-assigned (or, with no client id, system-assigned) managed identity: no secret anywhere.</summary>
    public sealed record ManagedIdentity(Uri TableEndpoint, string? ClientId) : StorageConnection
    {
        /// <summary>The account's queue service: configured, or the table endpoint's account ("x.table.core…" → "x.queue.core…").</summary>
        public Uri QueueEndpoint { get; init; } = QueueEndpointOf(TableEndpoint);

        public TokenCredential CreateCredential() => string.IsNullOrWhiteSpace(ClientId)
            ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(ClientId));
    }

    /// <summary>A connection string: Azurite in development and tests.</summary>
    public sealed record ConnectionString(string Value) : StorageConnection;

    public static StorageConnection From(StorageOptions storage, BotFrameworkOptions bot) =>
        storage.TableEndpoint is { } endpoint
            ? new ManagedIdentity(endpoint, string.IsNullOrWhiteSpace(storage.ManagedIdentityClientId) ? bot.MicrosoftAppId : storage.ManagedIdentityClientId)
            {
                QueueEndpoint = storage.QueueEndpoint ?? QueueEndpointOf(endpoint),
            }
            : new ConnectionString(string.IsNullOrWhiteSpace(storage.ConnectionString) ? StorageOptions.DevelopmentConnectionString : storage.ConnectionString);

    private static Uri QueueEndpointOf(Uri tableEndpoint) =>
        new UriBuilder(tableEndpoint) { Host = tableEndpoint.Host.Replace(".table.", ".queue.", StringComparison.OrdinalIgnoreCase) }.Uri;
}
