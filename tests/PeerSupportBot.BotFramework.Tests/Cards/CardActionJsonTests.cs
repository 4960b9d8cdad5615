using System.Text.Json;
using PeerSupportBot.BotFramework.Cards;

namespace PeerSupportBot.BotFramework.Tests.Cards;

public class CardActionJsonTests
{
    private static string Json(CardAction action) => JsonSerializer.Serialize(action, AdaptiveCardJsonContext.Default.CardAction);

    [Fact]
    public void An_execute_action_writes_type_title_verb_and_data_as_given()
    {
        var action = new ExecuteAction { Title = "Help", Verb = "help.accept", Data = SampleCards.Data("""{"requestId":"r-1","n":2}"""), Style = ActionStyle.Positive };

        Assert.Equal(
            """{"type":"Action.Execute","title":"Help","verb":"help.accept","data":{"requestId":"r-1","n":2},"style":"positive"}""",
            Json(action));
    }

    [Fact]
    public void Associated_inputs_are_spelt_in_pascal_case_as_the_schema_lists_them()
    {
        var action = new ExecuteAction { Title = "Cancel", Verb = "cancel", AssociatedInputs = AssociatedInputs.None, IsEnabled = false, Mode = ActionMode.Secondary, Tooltip = "Close" };

        Assert.Equal(
            """{"type":"Action.Execute","title":"Cancel","verb":"cancel","associatedInputs":"None","isEnabled":false,"tooltip":"Close","mode":"secondary"}""",
            Json(action));
    }

    [Fact]
    public void A_submit_action_writes_its_data()
    {
        Assert.Equal(
            """{"type":"Action.Submit","title":"Send","data":{"k":"v"},"associatedInputs":"Auto"}""",
            Json(new SubmitAction { Title = "Send", Data = SampleCards.Data("""{"k":"v"}"""), AssociatedInputs = AssociatedInputs.Auto }));
    }

    [Fact]
    public void An_open_url_action_writes_the_link_unchanged()
    {
        var link = new Uri("https://teams.microsoft.com/l/chat/0/0?users=a@example.org,b@example.org&message=Hi%20there");

        Assert.Equal(
            """{"type":"Action.OpenUrl","title":"Chat","url":"https://teams.microsoft.com/l/chat/0/0?users=a@example.org,b@example.org\u0026message=Hi%20there"}""",
            Json(new OpenUrlAction { Title = "Chat", Url = link }));
    }

    [Fact]
    public void A_show_card_action_writes_the_inner_card_without_a_version_when_none_is_given()
    {
        var action = new ShowCardAction { Title = "More", Card = new AdaptiveCard { Version = null, Body = [new TextBlock { Text = "Inner" }] } };

        Assert.Equal(
            """{"type":"Action.ShowCard","title":"More","card":{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","body":[{"type":"TextBlock","text":"Inner"}]}}""",
            Json(action));
    }

    [Fact]
    public void A_toggle_visibility_action_writes_its_targets()
    {
        var action = new ToggleVisibilityAction { Title = "Details", TargetElements = [new TargetElement("a"), new TargetElement("b", IsVisible: false)] };

        Assert.Equal(
            """{"type":"Action.ToggleVisibility","title":"Details","targetElements":[{"elementId":"a"},{"elementId":"b","isVisible":false}]}""",
            Json(action));
    }
}
