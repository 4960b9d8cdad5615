using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace PeerSupportBot.Tests.Infrastructure;

/// <summary>The app's own strings, so tests assert on exactly what a person reads.</summary>
public static class BotText
{
    private static readonly ResourceManagerStringLocalizerFactory Factory =
        new(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);

    public static string Get<TText>(string key, string language, params object[] arguments)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var value = Factory.Create(typeof(TText))[key, arguments];
            Assert.False(value.ResourceNotFound, $"No string {key}");
            return value.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
