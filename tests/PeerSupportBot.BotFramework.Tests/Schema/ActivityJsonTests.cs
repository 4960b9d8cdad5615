using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Tests.Schema;

public sealed class ActivityJsonTests
{
    // A channel message as Teams sends it, with fields this project does not model.
    private const string TeamsChannelMessage = """
        {
          "type": "message",
          "id": "1700000000000",
          "timestamp": "2026-11-23T08:15:30.123Z",
          "localTimestamp": "2026-11-23T10:15:30.123+02:00",
          "serviceUrl": "https://smba.trafficmanager.net/emea/",
          "channelId": "msteams",
          "from": { "id": "29:1abc", "name": "Aino", "aadObjectId": "6f1c0f2e-8d5e-4a53-9b1f-2f7c1b0c9a11", "futureAccountField": 7 },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "t-1", "id": "19:abc@thread.tacv2;messageid=1700000000000" },
          "recipient": { "id": "28:bot-app-id", "name": "PeerSupportBot" },
          "textFormat": "plain",
          "text": "<at>PeerSupportBot</at> kutsu",
          "locale": "fi-FI",
          "attachments": [ { "contentType": "text/html", "content": "<div>kutsu</div>" } ],
          "entities": [
            { "type": "mention", "text": "<at>PeerSupportBot</at>", "mentioned": { "id": "28:bot-app-id", "name": "PeerSupportBot" } },
            { "type": "clientInfo", "locale": "fi-FI", "country": "FI", "platform": "Web", "timezone": "Europe/Helsinki" }
          ],
          "channelData": {
            "teamsChannelId": "19:abc@thread.tacv2",
            "teamsTeamId": "19:team@thread.tacv2",
            "channel": { "id": "19:abc@thread.tacv2" },
            "team": { "id": "19:team@thread.tacv2", "aadGroupId": "0b9d9f6e-1111-2222-3333-444455556666" },
            "tenant": { "id": "t-1" },
            "eventType": "channelRenamed"
          },
          "replyToId": "1699999999999",
          "futureActivityField": { "nested": [1, 2, 3] }
        }
        """;

    [Fact]
    public void Fields_the_schema_does_not_name_survive_a_round_trip()
    {
        var activity = JsonSerializer.Deserialize(TeamsChannelMessage, BotFrameworkJsonContext.Default.Activity)!;

        var written = JsonSerializer.Serialize(activity, BotFrameworkJsonContext.Default.Activity);

        var expected = JsonNode.Parse(TeamsChannelMessage)!.AsObject();
        var actual = JsonNode.Parse(written)!.AsObject();
        // Times are read as DateTimeOffset: "Z" comes back as "+00:00", the same instant.
        Assert.Equal(DateTimeOffset.Parse(expected["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture), DateTimeOffset.Parse(actual["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture));
        expected.Remove("timestamp");
        actual.Remove("timestamp");
        Assert.True(JsonNode.DeepEquals(expected, actual), written);
    }

    [Fact]
    public void Teams_channel_data_gives_tenant_team_channel_and_event()
    {
        var activity = JsonSerializer.Deserialize(TeamsChannelMessage, BotFrameworkJsonContext.Default.Activity)!;

        var channelData = activity.GetTeamsChannelData()!;

        Assert.Equal("t-1", channelData.Tenant?.Id);
        Assert.Equal("19:team@thread.tacv2", channelData.Team?.Id);
        Assert.Equal("0b9d9f6e-1111-2222-3333-444455556666", channelData.Team?.AadGroupId);
        Assert.Equal("19:abc@thread.tacv2", channelData.Channel?.Id);
        Assert.Equal("channelRenamed", channelData.EventType);
        Assert.Equal("t-1", activity.GetTenantId());
    }

    [Fact]
    public void The_bot_mention_is_removed_from_the_text_and_other_text_kept()
    {
        var activity = JsonSerializer.Deserialize(TeamsChannelMessage, BotFrameworkJsonContext.Default.Activity)!;

        Assert.Equal("kutsu", activity.GetTextWithoutBotMention());
    }

    [Fact]
    public void A_mention_of_someone_else_stays_in_the_text()
    {
        var activity = JsonSerializer.Deserialize(TeamsChannelMessage, BotFrameworkJsonContext.Default.Activity)!;
        activity.Text = "<at>Aino</at> kutsu";
        activity.Entities = [JsonSerializer.Deserialize("""{"type":"mention","text":"<at>Aino</at>","mentioned":{"id":"29:1abc"}}""", BotFrameworkJsonContext.Default.Entity)!];

        Assert.Equal("<at>Aino</at> kutsu", activity.GetTextWithoutBotMention());
    }

    [Fact]
    public void A_conversation_reference_keeps_what_proactive_messages_need()
    {
        var activity = JsonSerializer.Deserialize(TeamsChannelMessage, BotFrameworkJsonContext.Default.Activity)!;

        var reference = activity.GetConversationReference();

        Assert.Equal("msteams", reference.ChannelId);
        Assert.Equal("https://smba.trafficmanager.net/emea/", reference.ServiceUrl);
        Assert.Equal("28:bot-app-id", reference.Bot?.Id);
        Assert.Equal("29:1abc", reference.User?.Id);
        Assert.Equal("19:abc@thread.tacv2;messageid=1700000000000", reference.Conversation?.Id);
        Assert.Equal("t-1", reference.TenantId);
        var json = JsonSerializer.Serialize(reference, BotFrameworkJsonContext.Default.ConversationReference);
        Assert.Equal(reference, JsonSerializer.Deserialize(json, BotFrameworkJsonContext.Default.ConversationReference), ConversationReferenceIds.Instance);
    }

    [Fact]
    public void A_reply_swaps_sender_and_recipient_and_answers_the_activity()
    {
        var activity = JsonSerializer.Deserialize(TeamsChannelMessage, BotFrameworkJsonContext.Default.Activity)!;

        var reply = activity.CreateReply("moi");

        Assert.Equal("28:bot-app-id", reply.From?.Id);
        Assert.Equal("29:1abc", reply.Recipient?.Id);
        Assert.Equal(activity.Conversation?.Id, reply.Conversation?.Id);
        Assert.Equal("1700000000000", reply.ReplyToId);
        Assert.Equal("fi-FI", reply.Locale);
        Assert.Equal("moi", reply.Text);
    }

    private sealed class ConversationReferenceIds : IEqualityComparer<ConversationReference?>
    {
        public static readonly ConversationReferenceIds Instance = new();

        public bool Equals(ConversationReference? x, ConversationReference? y) =>
            x?.ServiceUrl == y?.ServiceUrl && x?.Bot?.Id == y?.Bot?.Id && x?.User?.Id == y?.User?.Id
            && x?.Conversation?.Id == y?.Conversation?.Id && x?.TenantId == y?.TenantId && x?.ChannelId == y?.ChannelId;

        public int GetHashCode(ConversationReference? obj) => obj?.Conversation?.Id?.GetHashCode(StringComparison.Ordinal) ?? 0;
    }
}
