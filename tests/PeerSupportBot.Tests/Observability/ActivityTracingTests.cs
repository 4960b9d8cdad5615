using System.Diagnostics;
using PeerSupportBot.BotFramework.Telemetry;
using PeerSupportBot.Observability;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Observability;

/// <summary>
/// A person writes to the bot through the real endpoint (Azurite and a fake connector behind it);
/// the spans the app exports describe what happened without saying who or what.
/// </summary>
public sealed class ActivityTracingTests : IAsyncLifetime
{
    private readonly TracedWorld _traced = new();

    public Task InitializeAsync() => _traced.InitializeAsync();

    public Task DisposeAsync() => _traced.DisposeAsync();

    [Fact]
    public async Task A_message_gets_a_span_naming_its_kind_and_outcome()
    {
        var person = _traced.World.Person("Saara Seurattava");

        var trace = await _traced.SayAsync(person, "viesti " + Guid.NewGuid().ToString("N"));

        var span = Assert.Single(_traced.Spans.InTrace(trace), candidate => candidate.Source.Name == BotFrameworkTelemetry.ActivitySourceName && candidate.OperationName == "bot.activity");
        Assert.Equal("bot.activity message", span.DisplayName);
        Assert.Equal("message", span.GetTagItem("bot.activity.type"));
        Assert.Equal("none", span.GetTagItem("bot.activity.invoke_name"));
        Assert.Equal("msteams", span.GetTagItem("bot.channel"));
        Assert.Equal("personal", span.GetTagItem("bot.conversation.type"));
        Assert.Equal("authenticated", span.GetTagItem("bot.outcome"));
        Assert.Equal(200, span.GetTagItem("http.response.status_code"));
        Assert.NotEqual(ActivityStatusCode.Error, span.Status);
    }

    [Fact]
    public async Task The_reply_is_a_connector_span_inside_the_activity_span_with_its_http_request_redacted()
    {
        var person = _traced.World.Person("Saara Seurattava");

        var trace = await _traced.SayAsync(person, "viesti " + Guid.NewGuid().ToString("N"));

        var spans = _traced.Spans.InTrace(trace);
        var activitySpan = Assert.Single(spans, span => span.OperationName == "bot.activity");
        var send = Assert.Single(spans, span => span.Source.Name == BotFrameworkTelemetry.ActivitySourceName && span.OperationName.StartsWith("connector.", StringComparison.Ordinal));
        Assert.Equal(activitySpan.SpanId, send.ParentSpanId);
        Assert.Contains(send.OperationName, new[] { "connector.send", "connector.reply" });
        Assert.Equal("succeeded", send.GetTagItem("bot.outcome"));
        Assert.Equal(0, send.GetTagItem("bot.connector.retry_count"));
        Assert.InRange(Assert.IsType<int>(send.GetTagItem("http.response.status_code")), 200, 299);

        // The connector really was called at a path holding the conversation id...
        Assert.Contains(_traced.World.Connector.Requests, request => request.RawPath.Contains(Uri.EscapeDataString(person.PersonalConversationId), StringComparison.Ordinal));
        // ...and the HTTP client span under the connector span shows only the route's shape.
        var http = Assert.Single(spans, span => span.ParentSpanId == send.SpanId);
        var url = Assert.IsType<string>(http.GetTagItem("url.full"));
        Assert.Matches(@"^http://127\.0\.0\.1:[0-9]+/v3/conversations/\{id\}/activities(/\{id\})?$", url);
    }

    [Fact]
    public async Task Table_calls_are_storage_spans_naming_the_table_and_operation_only()
    {
        var person = _traced.World.Person("Saara Seurattava");

        var trace = await _traced.SayAsync(person, "viesti " + Guid.NewGuid().ToString("N"));

        var spans = _traced.Spans.InTrace(trace);
        var storage = spans.Where(span => span.Source.Name == StorageTelemetry.ActivitySourceName).ToList();
        Assert.NotEmpty(storage);
        Assert.All(storage, span =>
        {
            Assert.Equal("storage." + span.GetTagItem("storage.operation"), span.OperationName);
            Assert.IsType<int>(span.GetTagItem("http.response.status_code"));
        });
        // Creating a table is a POST to the Tables resource (the name travels in the body); every
        // other call names the table it touched.
        var entityCalls = storage.Where(span => span.OperationName != "storage.create_table").ToList();
        Assert.NotEmpty(entityCalls);
        Assert.All(entityCalls, span => Assert.StartsWith(_traced.World.App.TablePrefix, Assert.IsType<string>(span.GetTagItem("storage.table")), StringComparison.Ordinal));
        Assert.All(storage.Where(span => span.OperationName == "storage.create_table"), span => Assert.Equal("Tables", span.GetTagItem("storage.table")));
        // The HTTP requests under a table call, whose URLs hold the keys, are not exported at all.
        Assert.DoesNotContain(spans, span => storage.Any(parent => parent.SpanId == span.ParentSpanId));
    }
}
