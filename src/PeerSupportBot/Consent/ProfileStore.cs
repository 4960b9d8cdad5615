using Azure;
using Azure.Data.Tables;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Consent;

/// <summary>Profiles: PartitionKey = person key, RowKey = "profile". Written only after consent.</summary>
internal sealed class ProfileStore(Tables tables)
{
    private const string TableName = "Profiles";
    private const string Row = "profile";

    public async Task<Profile?> FindAsync(string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(personKey), Row, cancellationToken: cancellationToken);
        return entity.HasValue ? ToProfile(entity.Value!) : null;
    }

    /// <summary>
    /// Saves the profile if nobody changed it since it was read (its Version); null when someone
    /// did, so the caller can read again instead of overwriting.
    /// </summary>
    public async Task<Profile?> SaveAsync(Profile profile, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var entity = new TableEntity(TableKeys.Encode(profile.PersonKey), Row)
        {
            ["PersonKey"] = profile.PersonKey,
            ["Name"] = profile.Name,
            ["Locale"] = profile.Locale,
            ["Topics"] = TableValues.Join(profile.Topics),
            ["Languages"] = TableValues.Join(profile.Languages),
            ["PausedUntil"] = profile.PausedUntil,
            ["MonthlyCap"] = profile.MonthlyCap,
        };
        try
        {
            var response = string.IsNullOrEmpty(profile.Version)
                ? await table.AddEntityAsync(entity, cancellationToken)
                : await table.UpdateEntityAsync(entity, new ETag(profile.Version), TableUpdateMode.Replace, cancellationToken);
            return profile with { Version = response.Headers.ETag?.ToString() ?? "" };
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412 or 404)
        {
            return null;
        }
    }

    public async Task DeleteAsync(string personKey, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        await table.DeleteEntityAsync(TableKeys.Encode(personKey), Row, ETag.All, cancellationToken);
    }

    private static Profile ToProfile(TableEntity entity) => new(
        entity.GetString("PersonKey") ?? TableKeys.Decode(entity.PartitionKey),
        entity.GetString("Name") ?? "",
        entity.GetString("Locale") ?? "",
        TableValues.Split(entity.GetString("Topics")),
        TableValues.Split(entity.GetString("Languages")),
        entity.GetDateTimeOffset("PausedUntil"),
        entity.GetInt32("MonthlyCap") ?? Profile.DefaultMonthlyCap,
        entity.ETag.ToString());
}
