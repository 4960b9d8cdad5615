using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.Testing;

namespace PeerSupportBot.BotFramework.Tests.Cards;

// The official Adaptive Card 1.5 schema (tests/Schemas) judges what this library writes. The
// broken cards show the validator really resolves the schema's $refs and rejects bad cards, so a
// passing card means something.
public class AdaptiveCardSchemaTests
{
    [Fact]
    public void A_card_using_every_element_and_action_matches_the_schema()
    {
        AdaptiveCardSchema.AssertValid(SampleCards.EveryElement().ToJsonElement());
    }

    [Fact]
    public void A_card_with_nothing_but_a_text_block_matches_the_schema()
    {
        AdaptiveCardSchema.AssertValid(new AdaptiveCard { Body = [new TextBlock { Text = "Hi" }] }.ToJsonElement());
    }

    [Fact]
    public void Pascal_case_enum_values_as_in_the_documentation_are_also_accepted()
    {
        const string Card = """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","size":"Large","weight":"Bolder","color":"Attention"}]}""";

        AdaptiveCardSchema.AssertValid(SampleCards.Data(Card));
    }

    [Theory]
    [InlineData("unknown element type", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Marquee","text":"x"}]}""", "#/body[0]")]
    [InlineData("text block without text", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","wrap":true}]}""", "#/body[0].text")]
    [InlineData("enum value not in the schema", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","size":"huge"}]}""", "#/body[0].size")]
    [InlineData("misspelt property", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","colour":"good"}]}""", "#/body[0].colour")]
    [InlineData("input without id", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","label":"Note"}]}""", "#/body[0].id")]
    [InlineData("toggle without title", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Toggle","id":"t"}]}""", "#/body[0].title")]
    [InlineData("fact without value", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"FactSet","facts":[{"title":"a"}]}]}""", "#/body[0].facts[0].value")]
    [InlineData("container without items", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Container","style":"good"}]}""", "#/body[0].items")]
    [InlineData("broken element inside a container", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Container","items":[{"type":"Image"}]}]}""", "#/body[0].items[0].url")]
    [InlineData("open url without url", """{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.OpenUrl","title":"Go"}]}""", "#/actions[0].url")]
    [InlineData("unknown action type", """{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.Launch","title":"Go"}]}""", "#/actions[0]")]
    [InlineData("execute action with a number as data", """{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.Execute","verb":"v","data":5}]}""", "#/actions[0].data")]
    [InlineData("associated inputs not in the schema", """{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.Execute","verb":"v","associatedInputs":"all"}]}""", "#/actions[0].associatedInputs")]
    [InlineData("refresh action with an unknown property", """{"type":"AdaptiveCard","version":"1.5","refresh":{"action":{"type":"Action.Execute","verb":"r","target":"x"}}}""", "#/refresh.action.target")]
    [InlineData("broken element in a show card", """{"type":"AdaptiveCard","version":"1.5","actions":[{"type":"Action.ShowCard","card":{"type":"AdaptiveCard","body":[{"type":"TextBlock"}]}}]}""", "#/actions[0].card.body[0].text")]
    [InlineData("column set holding a text block", """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"ColumnSet","columns":[{"type":"TextBlock","text":"x"}]}]}""", "#/body[0].columns[0]")]
    public void A_broken_card_fails_validation_and_the_error_points_at_the_fault(string fault, string card, string path)
    {
        var errors = AdaptiveCardSchema.AssertInvalid(card);

        Assert.True(errors.Any(error => error.Contains($" at {path}", StringComparison.Ordinal)),
            $"{fault}: expected an error at {path}, got:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    [Theory]
    [InlineData("no version on the top-level card", """{"type":"AdaptiveCard","body":[]}""")]
    [InlineData("root of another type", """{"type":"Container","version":"1.5","items":[]}""")]
    [InlineData("msteams width that Teams does not know", """{"type":"AdaptiveCard","version":"1.5","msteams":{"width":"Wide"}}""")]
    [InlineData("msteams property that Teams does not know", """{"type":"AdaptiveCard","version":"1.5","msteams":{"height":"Full"}}""")]
    [InlineData("unknown property at the root", """{"type":"AdaptiveCard","version":"1.5","teams":{"width":"Full"}}""")]
    public void The_validator_also_enforces_what_teams_needs_beyond_the_schema(string fault, string card)
    {
        Assert.True(AdaptiveCardSchema.Validate(SampleCards.Data(card)).Count > 0, $"A card with {fault} was accepted.");
    }

    [Fact]
    public void A_card_this_library_writes_fails_once_one_property_in_a_nested_card_is_misspelt()
    {
        // The same card passes and, with one name changed deep inside, fails: the validator reads
        // what the library writes, all the way into Action.ShowCard.
        var card = new AdaptiveCard
        {
            Actions = [new ShowCardAction { Card = new AdaptiveCard { Version = null, Body = [new TextBlock { Text = "ok" }] } }],
        }.ToJsonElement();
        var broken = SampleCards.Data(card.GetRawText().Replace("\"text\":\"ok\"", "\"txt\":\"ok\"", StringComparison.Ordinal));

        AdaptiveCardSchema.AssertValid(card);
        Assert.NotEmpty(AdaptiveCardSchema.Validate(broken));
    }
}
