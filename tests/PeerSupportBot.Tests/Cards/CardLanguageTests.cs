using System.Text.Json;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.Consent;
using PeerSupportBot.Localization;
using static PeerSupportBot.Tests.Cards.SampleData;

namespace PeerSupportBot.Tests.Cards;

/// <summary>
/// A press is answered in the language of the card pressed, not the client's locale: a Finnish
/// form in an English Teams (the Agents Playground is always en-US) is saved in Finnish.
/// </summary>
public sealed class CardLanguageTests
{
    private static readonly Dictionary<string, Func<ConsentCards, AdaptiveCard>> ButtonsWithoutDataOfTheirOwn = new()
    {
        ["TopicsForm"] = cards => cards.TopicsForm(Profile()),
        ["AvailabilityForm"] = cards => cards.AvailabilityForm(Profile(), Now),
        ["ConfirmForget"] = cards => cards.ConfirmForget(),
        ["ConfirmWithdraw"] = cards => cards.ConfirmWithdraw(),
    };

    public static TheoryData<string> CardNames => [.. ButtonsWithoutDataOfTheirOwn.Keys];

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Every_button_carries_the_language_of_its_card(string name)
    {
        foreach (var language in new[] { "fi", "en" })
        {
            JsonElement card;
            using (BotLanguage.Use(Localizers.Language(language)))
                card = ButtonsWithoutDataOfTheirOwn[name](Localizers.ConsentCards()).ToJsonElement();

            var buttons = CardJson.Actions(card).Where(action => action.TryGetProperty("verb", out _)).ToList();
            Assert.NotEmpty(buttons);
            Assert.All(buttons, button => Assert.Equal(language, CardJson.Data(button, "lang")));
        }
    }
}
