using System.Net;
using System.Text;
using PeerSupportBot.Testing;

namespace PeerSupportBot.BotFramework.Tests.Connector;

public sealed class FakeConnectorServerTests
{
    [Fact]
    public async Task It_records_the_path_still_escaped_with_its_query_and_the_authorization()
    {
        await using var server = await FakeConnectorServer.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server.ServiceUrl, "v3/conversations/a%3Ab%3Bc/activities?x=%40"));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer abc");
        request.Content = new StringContent("""{"type":"message","text":"hi"}""", Encoding.UTF8, "application/json");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = Assert.Single(server.Requests);
        Assert.Equal("POST", recorded.Method);
        Assert.Equal("/v3/conversations/a%3Ab%3Bc/activities?x=%40", recorded.RawPath);
        Assert.Equal("Bearer abc", recorded.Authorization);
        Assert.Equal("hi", Assert.Single(server.SentActivities).Text);
    }

    [Fact]
    public async Task Scripted_answers_replace_the_default_and_waiting_sees_later_requests()
    {
        await using var server = await FakeConnectorServer.StartAsync();
        server.Respond = request => request.Method == "DELETE" ? new FakeResponse(429, Headers: new Dictionary<string, string> { ["Retry-After"] = "1" }) : null;
        using var http = new HttpClient();

        var waiting = server.WaitForRequestAsync(request => request.Method == "DELETE", TimeSpan.FromSeconds(10));
        using var deleted = await http.DeleteAsync(new Uri(server.ServiceUrl, "v3/conversations/c/activities/1"));
        using var created = await http.PostAsync(new Uri(server.ServiceUrl, "v3/conversations"), new StringContent("{}"));

        Assert.Equal("/v3/conversations/c/activities/1", (await waiting).RawPath);
        Assert.Equal((HttpStatusCode)429, deleted.StatusCode);
        Assert.Equal("1", deleted.Headers.RetryAfter?.ToString());
        Assert.StartsWith("{\"id\":\"a:fake-", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Waiting_for_a_request_that_never_comes_times_out()
    {
        await using var server = await FakeConnectorServer.StartAsync();

        await Assert.ThrowsAsync<TimeoutException>(() => server.WaitForRequestAsync(_ => true, TimeSpan.FromMilliseconds(50)));
    }
}
