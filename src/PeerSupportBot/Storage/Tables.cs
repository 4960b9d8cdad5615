using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace PeerSupportBot.Storage;

/// <summary>
/// Hands out table clients, creating each table on first use. A failed creation is retried on
/// the next use rather than remembered, so the bot recovers when storage comes back.
/// </summary>
internal sealed class Tables(TableServiceClient service, IOptions<StorageOptions> options)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public async Task<TableClient> GetAsync(string name, CancellationToken cancellationToken)
    {
        var fullName = options.Value.TablePrefix + name;
        var lazy = _tables.GetOrAdd(fullName, key => new Lazy<Task<TableClient>>(() => CreateAsync(key, CancellationToken.None)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(fullName, lazy));
            throw;
        }
    }

    /// <summary>A client for a table that may not exist, without creating it: for what only old rows are read from.</summary>
    public TableClient Existing(string name) => service.GetTableClient(options.Value.TablePrefix + name);

    private async Task<TableClient> CreateAsync(string name, CancellationToken cancellationToken)
    {
        var table = service.GetTableClient(name);
        await table.CreateIfNotExistsAsync(cancellationToken);
        return table;
    }
}
