using System.Net;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Healthz_reports_healthy_when_table_storage_answers()
    {
        await using var app = new BotApplication();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"Healthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_reports_unhealthy_when_table_storage_does_not_answer()
    {
        var closedPort = Azurite.FreePort();
        await using var app = new BotApplication(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = Azurite.ConnectionStringFor(closedPort, closedPort),
        });
        using var client = app.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"status\":\"Unhealthy\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
