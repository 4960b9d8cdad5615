using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Welcome;

/// <summary>
/// Remembers which conversations the bot has greeted. Teams sends both an installationUpdate and a
/// conversationUpdate for one installation; the first to insert the row greets, the other finds it.
/// </summary>
internal sealed class InstallationStore(Tables tables, TimeProvider time)
{
    private const string TableName = "Installations";
    private const string RowKey = "installation";

    /// <summary>True when this call recorded the installation, false when it was already known.</summary>
    public async Task<bool> TryRecordAsync(string conversationId, string? conversationType, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = new TableEntity(TableKeys.Encode(conversationId), RowKey)
        {
            ["ConversationType"] = conversationType ?? string.Empty,
            ["InstalledAt"] = time.GetUtcNow(),
        };
        try
        {
            await table.AddEntityAsync(entity, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    public async Task ForgetAsync(string conversationId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.DeleteEntityAsync(TableKeys.Encode(conversationId), RowKey, ETag.All, cancellationToken);
    }
}
