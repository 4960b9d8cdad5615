using PeerSupportBot.Observability;

namespace PeerSupportBot.Tests.Observability;

public sealed class StorageOperationTests
{
    private static readonly Uri Account = new("https://peersupport.table.core.windows.net/");

    [Theory]
    [InlineData("GET", "Profiles(PartitionKey='6f1c0f2e',RowKey='profile')", false, "read", "Profiles")]
    [InlineData("GET", "Contacts()?$filter=PartitionKey%20eq%20'6f1c0f2e'", false, "query", "Contacts")]
    [InlineData("POST", "ConsentLog", false, "insert", "ConsentLog")]
    [InlineData("PUT", "Profiles(PartitionKey='6f1c0f2e',RowKey='profile')", true, "update", "Profiles")]
    [InlineData("PUT", "Profiles(PartitionKey='6f1c0f2e',RowKey='profile')", false, "upsert", "Profiles")]
    [InlineData("PATCH", "Profiles(PartitionKey='6f1c0f2e',RowKey='profile')", true, "merge", "Profiles")]
    [InlineData("DELETE", "Profiles(PartitionKey='6f1c0f2e',RowKey='profile')", true, "delete", "Profiles")]
    [InlineData("POST", "Tables", false, "create_table", "Tables")]
    [InlineData("POST", "$batch", false, "batch", "$batch")]
    public void A_table_request_is_named_by_its_operation_and_table_without_its_keys(string method, string path, bool conditional, string name, string table)
    {
        var operation = StorageOperation.Of(method, new Uri(Account, path), conditional);

        Assert.Equal(new StorageOperation(name, table), operation);
    }

    [Fact]
    public void Azurite_paths_with_the_account_name_first_name_the_table()
    {
        var operation = StorageOperation.Of("GET", new Uri("http://127.0.0.1:10002/devstoreaccount1/Profiles(PartitionKey='x',RowKey='y')"), conditional: false);

        Assert.Equal(new StorageOperation("read", "Profiles"), operation);
    }
}
