using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PeerSupportBot.Storage;

/// <summary>
/// /healthz as JSON: the overall status and each check's, so an operator sees which store is
/// missing. Only status words: a check's exception stays in the log, its message may hold URIs.
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteString(name, entry.Status.ToString());
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return http.Response.Body.WriteAsync(buffer.ToArray()).AsTask();
    }
}
