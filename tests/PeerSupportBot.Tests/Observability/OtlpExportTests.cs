using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PeerSupportBot.Testing;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Observability;

/// <summary>
/// The OTLP exporter is there exactly when OTEL_EXPORTER_OTLP_ENDPOINT is set. A local HTTP
/// server stands in for the collector. (The signal-specific OTEL_EXPORTER_OTLP_TRACES_ENDPOINT
/// alone switches nothing on.)
/// </summary>
public sealed class OtlpExportTests : IAsyncLifetime
{
    private FakeConnectorServer _collector = null!;

    public async Task InitializeAsync() => _collector = await FakeConnectorServer.StartAsync();

    public async Task DisposeAsync() => await _collector.DisposeAsync();

    [Fact]
    public async Task With_an_otlp_endpoint_traces_and_metrics_are_sent_to_it()
    {
        await RunOneRequestAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = _collector.ServiceUrl.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        });

        Assert.Contains(_collector.Requests, request => request is { Method: "POST", PathOnly: "/v1/traces" });
        Assert.Contains(_collector.Requests, request => request is { Method: "POST", PathOnly: "/v1/metrics" });
    }

    [Theory]
    [InlineData("http://127.0.0.1:4318", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public async Task The_otlp_exporter_is_registered_only_when_OTEL_EXPORTER_OTLP_ENDPOINT_is_set(string? endpoint, bool registered)
    {
        IServiceCollection? services = null;
        await using var app = new BotApplication(
            new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = endpoint },
            configureServices: collection => services = collection);
        _ = app.Services;

        var otlpAssembly = typeof(OpenTelemetry.Exporter.OtlpExporterOptions).Assembly;
        var fromOtlpExporter = services!.Where(descriptor =>
            descriptor.ServiceType.Assembly == otlpAssembly
            || descriptor.ServiceType.GenericTypeArguments.Any(argument => argument.Assembly == otlpAssembly)
            || descriptor.ImplementationType?.Assembly == otlpAssembly);
        Assert.Equal(registered, fromOtlpExporter.Any());
    }

    private static async Task RunOneRequestAsync(Dictionary<string, string?> settings)
    {
        await using var app = new BotApplication(settings);
        using var client = app.CreateClient();
        // A malformed body still makes an activity span and a measurement.
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);

        // The host disposes its providers (which flushes them) on its own thread after the
        // factory is disposed, so flushing here is what makes the export happen within the test.
        app.Services.GetRequiredService<TracerProvider>().ForceFlush(5000);
        app.Services.GetRequiredService<MeterProvider>().ForceFlush(5000);
    }
}
