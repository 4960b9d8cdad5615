using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Observability;

/// <summary>
/// Nothing a person wrote or is known by reaches telemetry: not in a span's name, tags, events
/// or status, not in a metric's tags. Checked over everything exported while two people talked
/// to the bot, installed it and pressed nothing.
/// </summary>
public sealed class ConfidentialityTests : IAsyncLifetime
{
    private readonly TracedWorld _traced = new();

    public Task InitializeAsync() => _traced.InitializeAsync();

    public Task DisposeAsync() => _traced.DisposeAsync();

    [Fact]
    public async Task No_span_or_metric_carries_the_text_name_or_any_id_of_the_person()
    {
        var marker = "luottamuksellinen-" + Guid.NewGuid().ToString("N");
        var person = _traced.World.Person("Kerttu Salassapidettävä");
        var other = _traced.World.Person("Onni Toinenhenkilö");

        var traces = new[]
        {
            await _traced.SayAsync(person, "Minulla on vaikea tilanne tiimissä " + marker),
            await _traced.SayAsync(other, marker + " help"),
            await _traced.SayAsync(person, "apua"),
        };
        _traced.FlushMetrics();

        // The requests ran, and reached the connector with the ids in its paths and the text in
        // its bodies: there was something to leak.
        Assert.All(traces, trace => Assert.NotEmpty(_traced.Spans.InTrace(trace)));
        Assert.Contains(_traced.World.Connector.Requests, request => request.RawPath.Contains(Uri.EscapeDataString(person.PersonalConversationId), StringComparison.Ordinal));

        var confidential = new[] { marker }
            .Concat(Identifiers(person))
            .Concat(Identifiers(other))
            .ToList();
        var exported = _traced.Spans.Snapshot().SelectMany(SpanText.Of)
            .Concat(_traced.Metrics.ToList().SelectMany(SpanText.Of))
            .ToList();
        Assert.NotEmpty(exported);
        foreach (var secret in confidential)
        {
            Assert.DoesNotContain(exported, text => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static IEnumerable<string> Identifiers(TeamsPerson person)
    {
        string[] raw = [person.Name, .. person.Name.Split(' '), person.UserId, person.AadObjectId, person.PersonalConversationId, person.Upn];
        return raw.Concat(raw.Select(Uri.EscapeDataString)).Distinct(StringComparer.Ordinal);
    }
}
