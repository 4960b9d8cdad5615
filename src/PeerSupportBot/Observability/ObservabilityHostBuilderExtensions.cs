using Microsoft.AspNetCore.Http;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PeerSupportBot.BotFramework.Telemetry;

namespace PeerSupportBot.Observability;

internal static class ObservabilityHostBuilderExtensions
{
    /// <summary>The standard OpenTelemetry setting; its presence switches the OTLP exporter on.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public const string DefaultServiceName = "PeerSupportBot";

    /// <summary>
    /// OpenTelemetry traces and metrics: incoming activities and connector calls (the protocol
    /// layer's source and meter), table storage calls, and the ASP.NET Core and HttpClient
    /// instrumentations with their URLs redacted. Exported over OTLP only when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set; the other OTEL_EXPORTER_OTLP_* settings (protocol,
    /// headers) are read by the exporter itself. Without it spans and measurements stay in the process.
    /// </summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StorageTelemetry>();
        var exportOverOtlp = !string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]);
        var nameConfigured = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_SERVICE_NAME"]);

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME, when set, names the service; a default would override it.
                if (!nameConfigured)
                {
                    resource.AddService(DefaultServiceName);
                }
            })
            .WithTracing(tracing =>
            {
                tracing
                    .AddSource(BotFrameworkTelemetry.ActivitySourceName, StorageTelemetry.ActivitySourceName)
                    .AddAspNetCoreInstrumentation(options => options.Filter = IsTraced)
                    // A table call's own HTTP requests would repeat the storage span with the keys
                    // in their URLs; the storage span stands for them.
                    .AddHttpClientInstrumentation(options => options.FilterHttpRequestMessage = _ => !StorageTelemetryPolicy.IsInsideStorageCall())
                    .AddProcessor(new UrlRedactionProcessor());
                if (exportOverOtlp)
                {
                    tracing.AddOtlpExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics
                    .AddMeter(BotFrameworkTelemetry.MeterName, StorageTelemetry.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (exportOverOtlp)
                {
                    metrics.AddOtlpExporter();
                }
            });

        return builder;
    }

    // The platform's health probe calls /healthz every minute; its spans would be noise.
    private static bool IsTraced(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase);
}
