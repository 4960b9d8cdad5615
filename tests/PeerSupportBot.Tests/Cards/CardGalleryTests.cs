using System.Reflection;
using PeerSupportBot.Asking;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.Cohorts;
using PeerSupportBot.Consent;
using PeerSupportBot.Conversation;
using PeerSupportBot.HelpRequests;
using PeerSupportBot.Testing;
using PeerSupportBot.Welcome;

namespace PeerSupportBot.Tests.Cards;

public sealed class CardGalleryTests
{
    /// <summary>Where scripts/card-screenshots.sh wants the gallery; a temporary folder otherwise.</summary>
    public const string OutputVariable = "CARD_GALLERY_OUTPUT";

    [Fact]
    public void Every_card_the_bot_can_show_is_in_the_gallery()
    {
        var cardClasses = new[] { typeof(AskCards), typeof(CohortCards), typeof(ConsentCards), typeof(HelpRequestCards), typeof(WelcomeCards) };
        var methods = cardClasses
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(method => method.ReturnType == typeof(AdaptiveCard) || method.ReturnType == typeof(CardMessage))
            .Select(method => method.Name);

        Assert.Empty(methods.Except(CardGallery.All.Select(entry => entry.Method)));
        Assert.Equal(CardGallery.All.Count, CardGallery.All.Select(entry => entry.Name).Distinct().Count());
    }

    [Fact]
    public void The_README_shows_the_welcome_invitation_consent_ask_help_request_and_introduction()
    {
        Assert.Equal(["welcome", "invitation", "consent", "ask", "help-request", "introduction"], CardGallery.All.Where(entry => entry.Main).Select(entry => entry.Name));
    }

    [Fact]
    public async Task The_gallery_is_written_in_Finnish_and_English_and_every_card_in_it_is_valid()
    {
        var directory = Environment.GetEnvironmentVariable(OutputVariable) is { Length: > 0 } wanted
            ? wanted
            : Directory.CreateTempSubdirectory("card-gallery-").FullName;

        await CardGalleryFiles.WriteAsync(directory);

        foreach (var entry in CardGallery.All)
        {
            foreach (var language in CardGalleryFiles.Languages)
            {
                using var card = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, $"{entry.Name}.{language}.json")));
                AdaptiveCardSchema.AssertValid(card.RootElement);
            }
        }
    }
}
