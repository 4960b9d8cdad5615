using System.Text.Json;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Testing;

namespace PeerSupportBot.BotFramework.Tests.Connector;

public sealed class CreateConversationBodyTests
{
    [Fact]
    public async Task A_one_to_one_conversation_is_asked_for_with_exactly_the_documented_fields()
    {
        await using var server = await FakeConnectorServer.StartAsync();
        await using var host = ConnectorTestHost.Create(new CountingTokenProvider());

        await host.Client.CreateConversationAsync(server.ServiceUrl, new ConversationParameters
        {
            IsGroup = false,
            Bot = new ChannelAccount { Id = "28:bot-app-id" },
            Members = [new ChannelAccount { Id = "29:user-id" }],
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = "tenant-id" } },
            TenantId = "tenant-id",
        });

        var body = Assert.Single(server.Requests).BodyJson;
        Assert.Equal(["bot", "channelData", "isGroup", "members", "tenantId"], body.EnumerateObject().Select(property => property.Name).Order(StringComparer.Ordinal));
        Assert.Equal("28:bot-app-id", body.GetProperty("bot").GetProperty("id").GetString());
        Assert.Equal("29:user-id", body.GetProperty("members")[0].GetProperty("id").GetString());
        Assert.Equal(1, body.GetProperty("members").GetArrayLength());
        Assert.Equal("tenant-id", body.GetProperty("channelData").GetProperty("tenant").GetProperty("id").GetString());
        Assert.Equal("tenant-id", body.GetProperty("tenantId").GetString());
        Assert.Equal(JsonValueKind.False, body.GetProperty("isGroup").ValueKind);
    }
}
