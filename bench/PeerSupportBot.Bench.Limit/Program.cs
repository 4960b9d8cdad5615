using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;

// The limit of the turn benchmark (docs/benchmarks.md): what any bot turn must at least do, and
// nothing more. It deserialises the activity, reads one table row, upserts it, and posts one
// reply to the connector. No authentication (loopback only, as the bot's development mode), no
// routing, no cards. Whatever the bot does beyond this is the cost of being the product.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, LimitJsonContext.Default));
var storage = builder.Configuration["Storage:ConnectionString"]
    ?? throw new InvalidOperationException("Storage:ConnectionString is required.");
var table = new TableClient(storage, (builder.Configuration["Storage:TablePrefix"] ?? "") + "LimitTurns");
builder.Services.AddHttpClient("connector").ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { MaxConnectionsPerServer = 64 });

var app = builder.Build();
await table.CreateIfNotExistsAsync();
var connectors = app.Services.GetRequiredService<IHttpClientFactory>();

app.MapPost("/api/messages", async (HttpRequest request, CancellationToken cancellationToken) =>
{
    var activity = await request.ReadFromJsonAsync(LimitJsonContext.Default.LimitActivity, cancellationToken);
    if (activity?.Conversation?.Id is not { Length: > 0 } conversationId || activity.ServiceUrl is not { Length: > 0 } serviceUrl)
    {
        return Results.BadRequest();
    }

    // One read and one upsert of the conversation's row: the least state a turn keeps.
    var key = Convert.ToHexString(Encoding.UTF8.GetBytes(conversationId));
    var row = await table.GetEntityIfExistsAsync<TableEntity>(key, "turns", cancellationToken: cancellationToken);
    var turns = row.HasValue ? row.Value!.GetInt64("Turns") ?? 0 : 0;
    await table.UpsertEntityAsync(new TableEntity(key, "turns") { ["Turns"] = turns + 1 }, TableUpdateMode.Replace, cancellationToken);

    // One reply, as a Bot Framework bot sends it: to the conversation, in reply to the activity.
    var reply = new JsonObject
    {
        ["type"] = "message",
        ["text"] = "ok",
        ["replyToId"] = activity.Id,
        ["conversation"] = new JsonObject { ["id"] = conversationId },
    };
    var target = new Uri(new Uri(serviceUrl.TrimEnd('/') + "/"), $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activity.Id ?? "")}");
    using var content = new StringContent(reply.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
    using var posted = await connectors.CreateClient("connector").PostAsync(target, content, cancellationToken);

    // An invoke carries its outcome in the body, as Teams expects; a message answers an empty 200.
    return activity.Type == "invoke"
        ? Results.Json(new LimitInvokeResponse(200, "application/vnd.microsoft.activity.message", "ok"), LimitJsonContext.Default.LimitInvokeResponse)
        : Results.Ok();
});

app.Run();

internal sealed record LimitActivity(
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("serviceUrl")] string? ServiceUrl,
    [property: JsonPropertyName("conversation")] LimitConversation? Conversation,
    [property: JsonPropertyName("from")] JsonElement? From,
    [property: JsonPropertyName("text")] string? Text,
    [property: JsonPropertyName("value")] JsonElement? Value);

internal sealed record LimitConversation([property: JsonPropertyName("id")] string? Id);

internal sealed record LimitInvokeResponse(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value);

[JsonSerializable(typeof(LimitActivity))]
[JsonSerializable(typeof(LimitInvokeResponse))]
internal sealed partial class LimitJsonContext : JsonSerializerContext;
