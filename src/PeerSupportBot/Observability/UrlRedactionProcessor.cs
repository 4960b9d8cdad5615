using System.Diagnostics;
using System.Text.RegularExpressions;
using OpenTelemetry;

namespace PeerSupportBot.Observability;

/// <summary>
/// The last line of defence before any exporter: on every span that carries a URL (the HTTP
/// client and server instrumentations, an Azure SDK span should anyone turn those on), the
/// query is dropped and every path segment that is not a plain word becomes "{id}". Connector
/// paths hold conversation, activity and member ids (a:…, 29:…) and table paths hold partition
/// and row keys (Entra object ids), so /v3/conversations/a%3A1…/activities/17… is exported as
/// /v3/conversations/{id}/activities/{id} and /Profiles(PartitionKey='…',RowKey='…') as
/// /Profiles(…). It must be added before the exporters, which see spans after it.
/// </summary>
internal sealed partial class UrlRedactionProcessor : BaseProcessor<Activity>
{
    /// <summary>Attributes, old and current semantic conventions, that hold a URL, a path or a query.</summary>
    internal static readonly string[] UrlTags = ["url.full", "http.url", "url.path", "http.target", "url.original"];

    internal static readonly string[] QueryTags = ["url.query"];

    public override void OnEnd(Activity data)
    {
        foreach (var key in UrlTags)
        {
            if (data.GetTagItem(key) is string value)
            {
                data.SetTag(key, Redact(value));
            }
        }

        foreach (var key in QueryTags)
        {
            if (data.GetTagItem(key) is not null)
            {
                data.SetTag(key, null);
            }
        }
    }

    /// <summary>An absolute URL keeps its scheme, host and port; a path is templated; the query and fragment go.</summary>
    public static string Redact(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.GetLeftPart(UriPartial.Authority) + TemplatePath(absolute.AbsolutePath);
        }

        var end = url.IndexOfAny(['?', '#']);
        return TemplatePath(end < 0 ? url : url[..end]);
    }

    private static string TemplatePath(string path) =>
        string.Join('/', path.Split('/').Select(TemplateSegment));

    private static string TemplateSegment(string segment)
    {
        if (segment.Length == 0 || PlainWord().IsMatch(segment))
        {
            return segment;
        }

        var parenthesis = segment.IndexOf('(', StringComparison.Ordinal);
        return parenthesis > 0 ? TemplateSegment(segment[..parenthesis]) + "(…)" : "{id}";
    }

    // Letters only (conversations, activities, members, Tables, api, messages), an API version
    // (v3) or $batch. Anything with a digit, ':', '%', '-' or '@' could be an id.
    [GeneratedRegex(@"^(\$?[A-Za-z_]{1,40}|v[0-9]{1,2}(\.[0-9]{1,2})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainWord();
}
