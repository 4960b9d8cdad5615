using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PeerSupportBot.Localization;
using PeerSupportBot.Tests.Infrastructure;
using PeerSupportBot.Welcome;

namespace PeerSupportBot.Tests.Cards;

/// <summary>
/// Writes the gallery as files a browser script reads: &lt;name&gt;.&lt;lang&gt;.json per card and language,
/// and index.json listing them with their captions (scripts/card-screenshots.sh, the render check).
/// </summary>
internal static class CardGalleryFiles
{
    public static readonly string[] Languages = ["fi", "en"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task WriteAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        // The welcome card lists the app's commands, so it comes from the app's own services.
        await using var app = new BotApplication(runSweep: false);
        await using var scope = app.Services.CreateAsyncScope();
        var cards = CardGallery.Cards(scope.ServiceProvider.GetRequiredService<WelcomeCards>());

        var index = new JsonArray();
        foreach (var entry in CardGallery.All)
        {
            foreach (var language in Languages)
            {
                await File.WriteAllTextAsync(Path.Combine(directory, $"{entry.Name}.{language}.json"), Build(entry, cards, language).GetRawText());
            }

            index.Add(new JsonObject { ["name"] = entry.Name, ["caption"] = entry.Caption, ["main"] = entry.Main });
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "index.json"), index.ToJsonString(Indented));
    }

    public static JsonElement Build(CardGallery.Entry entry, CardGallery.GalleryCards cards, string language)
    {
        using var _ = BotLanguage.Use(Localizers.Language(language));
        return entry.Build(cards);
    }
}
