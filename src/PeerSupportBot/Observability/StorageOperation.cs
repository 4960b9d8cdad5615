namespace PeerSupportBot.Observability;

/// <summary>
/// Names a Table service request by its method and the last segment of its path, keeping the
/// table's name and dropping everything inside the parentheses, where the keys are:
/// /Profiles(PartitionKey='…',RowKey='…') is a "read" (GET) of "Profiles".
/// </summary>
internal readonly record struct StorageOperation(string Name, string Table)
{
    private const string TablesResource = "Tables";

    public static StorageOperation Of(string method, Uri uri, bool conditional)
    {
        var segment = Uri.UnescapeDataString(uri.AbsolutePath.TrimEnd('/').Split('/')[^1]);
        var parenthesis = segment.IndexOf('(', StringComparison.Ordinal);
        var resource = parenthesis < 0 ? segment : segment[..parenthesis];
        var keys = parenthesis < 0 ? string.Empty : segment[(parenthesis + 1)..].TrimEnd(')');

        if (resource == "$batch")
        {
            return new StorageOperation("batch", "$batch");
        }

        if (resource == TablesResource)
        {
            // Tables('name') names a table, which is configuration, not a person.
            var table = keys.Trim('\'');
            return method switch
            {
                "POST" => new StorageOperation("create_table", TablesResource),
                "DELETE" => new StorageOperation("delete_table", table),
                _ => new StorageOperation("query_tables", TablesResource),
            };
        }

        var addressesEntity = keys.Length > 0;
        var name = (method, addressesEntity) switch
        {
            ("GET", true) => "read",
            ("GET", false) => "query",
            ("POST", _) => "insert",
            ("PUT", _) => conditional ? "update" : "upsert",
            ("MERGE" or "PATCH", _) => conditional ? "merge" : "upsert_merge",
            ("DELETE", _) => "delete",
            _ => "other",
        };
        return new StorageOperation(name, resource);
    }
}
