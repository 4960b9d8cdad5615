using System.Globalization;
using System.Text.Json.Nodes;

namespace PeerSupportBot.TurnBench;

/// <summary>
/// Teams-shaped activities in a person's 1:1 chat: a message, or an Adaptive Card Action.Execute
/// invoke with the card's data and inputs merged, as Teams sends them. Ids are unique per run, so
/// a reply is found by the id it answers.
/// </summary>
internal sealed class Activities(string serviceUrl, string idPrefix)
{
    private long _counter;

    public (string Id, JsonObject Activity) Message(Person from, string text)
    {
        var (id, activity) = Common(from, "message");
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return (id, activity);
    }

    public (string Id, JsonObject Activity) Invoke(Person from, string verb, JsonObject data)
    {
        var (id, activity) = Common(from, "invoke");
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        return (id, activity);
    }

    private (string Id, JsonObject Activity) Common(Person from, string type)
    {
        var id = idPrefix + Interlocked.Increment(ref _counter).ToString(CultureInfo.InvariantCulture);
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id,
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["serviceUrl"] = serviceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = from.UserId, ["name"] = from.Name, ["aadObjectId"] = from.Key },
            ["recipient"] = new JsonObject { ["id"] = Person.BotId, ["name"] = "PeerSupportBot" },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = Person.TenantId, ["id"] = from.ConversationId },
            ["locale"] = from.Locale,
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = from.Locale, ["country"] = "FI", ["platform"] = "Web", ["timezone"] = "Europe/Helsinki" }),
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Person.TenantId }, ["source"] = new JsonObject { ["name"] = "message" } },
        };
        return (id, activity);
    }
}
