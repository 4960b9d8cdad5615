using System.Diagnostics;
using System.Globalization;
using OpenTelemetry.Metrics;

namespace PeerSupportBot.Tests.Observability;

/// <summary>Every piece of text a span or metric point would carry to a collector.</summary>
public static class SpanText
{
    public static IEnumerable<string> Of(Activity span)
    {
        yield return span.DisplayName;
        yield return span.OperationName;
        if (span.StatusDescription is { } description)
        {
            yield return description;
        }

        foreach (var text in Tags(span.TagObjects))
        {
            yield return text;
        }

        foreach (var spanEvent in span.Events)
        {
            yield return spanEvent.Name;
            foreach (var text in Tags(spanEvent.Tags))
            {
                yield return text;
            }
        }

        foreach (var link in span.Links)
        {
            foreach (var text in Tags(link.Tags ?? []))
            {
                yield return text;
            }
        }

        foreach (var (key, value) in span.Baggage)
        {
            yield return key + "=" + value;
        }
    }

    public static IEnumerable<string> Of(MetricSnapshot metric)
    {
        yield return metric.Name;
        foreach (var point in metric.MetricPoints)
        {
            foreach (var tag in point.Tags)
            {
                yield return tag.Key + "=" + Convert.ToString(tag.Value, CultureInfo.InvariantCulture);
            }
        }
    }

    private static IEnumerable<string> Tags(IEnumerable<KeyValuePair<string, object?>> tags) =>
        tags.Select(tag => tag.Key + "=" + Convert.ToString(tag.Value, CultureInfo.InvariantCulture));
}
