namespace PeerSupportBot;

internal static class LoggingBuilderExtensions
{
    /// <summary>
    /// One JSON object per line, so log shipping needs no parsing rules; the development console
    /// keeps the readable format.
    /// </summary>
    public static ILoggingBuilder AddStructuredConsole(this ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddJsonConsole(options =>
        {
            options.IncludeScopes = true;
            options.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            options.UseUtcTimestamp = true;
        });
        return logging;
    }
}
