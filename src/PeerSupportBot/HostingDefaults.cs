namespace PeerSupportBot;

internal static class HostingDefaults
{
    public const string DefaultUrl = "http://127.0.0.1:3978";

    /// <summary>
    /// Listens on loopback port 3978 (the Bot Framework's customary port) unless --urls or
    /// ASPNETCORE_URLS says otherwise. Set here rather than in appsettings.json, where it would
    /// outrank ASPNETCORE_URLS.
    /// </summary>
    public static WebApplicationBuilder UseDefaultUrlUnlessConfigured(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrWhiteSpace(builder.Configuration["http_ports"])
            && string.IsNullOrWhiteSpace(builder.Configuration["https_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }
}
