using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Testing;

namespace PeerSupportBot.BotFramework.Tests.Connector;

public sealed class ConnectorClientRoutesTests : IAsyncLifetime
{
    // Real Teams ids carry ':', ';' and '@'; '#' and '/' would cut the path short if left alone.
    private const string ConversationId = "19:abc@thread.tacv2;messageid=17#x/y";
    private const string EscapedConversationId = "19%3Aabc%40thread.tacv2%3Bmessageid%3D17%23x%2Fy";
    private const string ActivityId = "1:17;2@3";
    private const string EscapedActivityId = "1%3A17%3B2%403";
    private const string MemberId = "29:1a-b;c@d#e";
    private const string EscapedMemberId = "29%3A1a-b%3Bc%40d%23e";

    private FakeConnectorServer _server = null!;
    private ConnectorTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeConnectorServer.StartAsync();
        _host = ConnectorTestHost.Create(new CountingTokenProvider());
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _server.DisposeAsync();
    }

    // The Agents Playground's connector lives under a path; with or without a trailing slash the
    // prefix must survive.
    private Uri Prefixed(bool trailingSlash) => new(_server.ServiceUrl, trailingSlash ? "_connector/" : "_connector");

    private static Activity Message() => new() { Type = ActivityTypes.Message, Text = "hello" };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reply_posts_to_the_escaped_activity_under_the_service_url_path(bool trailingSlash)
    {
        var result = await _host.Client.ReplyToActivityAsync(Prefixed(trailingSlash), ConversationId, ActivityId, Message());

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/_connector/v3/conversations/{EscapedConversationId}/activities/{EscapedActivityId}", request.RawPath);
        Assert.Equal("hello", Assert.Single(_server.SentActivities).Text);
        Assert.False(string.IsNullOrEmpty(result.Value?.Id));
    }

    [Fact]
    public async Task Send_posts_to_the_escaped_conversation()
    {
        await _host.Client.SendToConversationAsync(Prefixed(true), ConversationId, Message());

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/_connector/v3/conversations/{EscapedConversationId}/activities", request.RawPath);
    }

    [Fact]
    public async Task Update_puts_the_activity_to_its_escaped_id()
    {
        await _host.Client.UpdateActivityAsync(_server.ServiceUrl, ConversationId, ActivityId, Message());

        var request = Assert.Single(_server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedConversationId}/activities/{EscapedActivityId}", request.RawPath);
        Assert.Equal("hello", Assert.Single(_server.SentActivities).Text);
    }

    [Fact]
    public async Task Delete_deletes_the_escaped_activity_and_sends_no_body()
    {
        var result = await _host.Client.DeleteActivityAsync(Prefixed(false), ConversationId, ActivityId);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"/_connector/v3/conversations/{EscapedConversationId}/activities/{EscapedActivityId}", request.RawPath);
        Assert.Empty(request.Body);
        Assert.True(result.Value);
    }

    [Fact]
    public async Task Create_conversation_posts_to_conversations_and_returns_the_new_id()
    {
        var result = await _host.Client.CreateConversationAsync(Prefixed(true), new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = MemberId }],
        });

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/_connector/v3/conversations", request.RawPath);
        Assert.StartsWith("a:fake-", result.Value?.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_member_reads_the_escaped_member_of_the_escaped_conversation()
    {
        var result = await _host.Client.GetMemberAsync(Prefixed(true), ConversationId, MemberId);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/_connector/v3/conversations/{EscapedConversationId}/members/{EscapedMemberId}", request.RawPath);
        Assert.Equal(MemberId, result.Value?.Id);
        Assert.Equal("fake.member@contoso.example", result.Value?.UserPrincipalName);
    }

    [Fact]
    public async Task Paged_members_without_paging_arguments_sends_no_query()
    {
        var result = await _host.Client.GetPagedMembersAsync(_server.ServiceUrl, ConversationId);

        Assert.Equal($"/v3/conversations/{EscapedConversationId}/pagedmembers", Assert.Single(_server.Requests).RawPath);
        Assert.Single(result.Value!.Members);
    }

    [Theory]
    [InlineData(10, 50)]
    [InlineData(50, 50)]
    [InlineData(120, 120)]
    [InlineData(500, 500)]
    [InlineData(9000, 500)]
    public async Task Paged_members_clamps_the_page_size_and_escapes_the_continuation_token(int asked, int sent)
    {
        await _host.Client.GetPagedMembersAsync(Prefixed(true), ConversationId, asked, "a+b/c=&d");

        var request = Assert.Single(_server.Requests);
        Assert.Equal($"/_connector/v3/conversations/{EscapedConversationId}/pagedmembers", request.PathOnly);
        Assert.Equal($"pageSize={sent}&continuationToken=a%2Bb%2Fc%3D%26d", request.Query);
    }

    [Fact]
    public async Task An_empty_id_is_refused_before_anything_is_sent()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.SendToConversationAsync(_server.ServiceUrl, "", Message()));
        await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.GetMemberAsync(new Uri("ftp://example.com/"), "c", "m"));

        Assert.Empty(_server.Requests);
    }
}
