using PeerSupportBot.Observability;

namespace PeerSupportBot.Tests.Observability;

public sealed class UrlRedactionTests
{
    [Theory]
    [InlineData(
        "https://smba.trafficmanager.net/emea/v3/conversations/a%3A1AbC-dEf_123/activities/1700000000123",
        "https://smba.trafficmanager.net/emea/v3/conversations/{id}/activities/{id}")]
    [InlineData(
        "https://smba.trafficmanager.net/emea/v3/conversations/19%3Aabc%40thread.v2/members/29%3A1xYz",
        "https://smba.trafficmanager.net/emea/v3/conversations/{id}/members/{id}")]
    [InlineData(
        "https://smba.trafficmanager.net/emea/v3/conversations/a%3A1x/pagedmembers?pageSize=50&continuationToken=secret",
        "https://smba.trafficmanager.net/emea/v3/conversations/{id}/pagedmembers")]
    [InlineData(
        "https://peersupport.table.core.windows.net/Profiles(PartitionKey='6f1c0f2e-8d5e-4a53-9b1f-2f7c1b0c9a11',RowKey='profile')",
        "https://peersupport.table.core.windows.net/Profiles(…)")]
    [InlineData(
        "https://peersupport.table.core.windows.net/Contacts()?$filter=PartitionKey%20eq%20'6f1c0f2e'",
        "https://peersupport.table.core.windows.net/Contacts(…)")]
    [InlineData(
        "http://127.0.0.1:10002/devstoreaccount1/t1234Profiles(PartitionKey='x',RowKey='y')",
        "http://127.0.0.1:10002/{id}/{id}(…)")]
    [InlineData("/api/messages", "/api/messages")]
    [InlineData("/v3/conversations/a%3A1x/activities?x=1", "/v3/conversations/{id}/activities")]
    public void A_url_keeps_its_host_and_route_but_loses_ids_keys_and_query(string url, string expected) =>
        Assert.Equal(expected, UrlRedactionProcessor.Redact(url));
}
