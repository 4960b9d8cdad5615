using System.Text.Json;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.BotFramework.Hosting;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Tests.Cards;

public class AdaptiveCardTests
{
    private sealed record HelpData(string RequestId, int Attempt);

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_card_starts_with_its_type_schema_and_version_and_leaves_out_what_is_not_set()
    {
        var json = new AdaptiveCard { Body = [new TextBlock { Text = "Hi" }] }.ToJsonElement().GetRawText();

        Assert.Equal(
            """{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","body":[{"type":"TextBlock","text":"Hi"}]}""",
            json);
    }

    [Fact]
    public void A_card_carries_teams_full_width_refresh_fallback_text_and_speech()
    {
        var card = new AdaptiveCard
        {
            MsTeams = new TeamsCardSettings { Width = TeamsCardWidth.Full },
            Refresh = new CardRefresh { Action = new ExecuteAction { Verb = "refresh" }, UserIds = ["29:a"] },
            FallbackText = "A card",
            Speak = "A card",
        };

        Assert.Equal(
            """{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","refresh":{"action":{"type":"Action.Execute","verb":"refresh"},"userIds":["29:a"]},"msteams":{"width":"Full"},"fallbackText":"A card","speak":"A card"}""",
            card.ToJsonElement().GetRawText());
    }

    [Fact]
    public void A_refresh_for_more_users_than_teams_refreshes_is_refused()
    {
        var users = Enumerable.Range(0, CardRefresh.MaxUserIds + 1).Select(i => $"29:{i}").ToList();

        Assert.Throws<ArgumentException>(() => new CardRefresh { Action = new ExecuteAction { Verb = "refresh" }, UserIds = users });
    }

    [Fact]
    public void An_attachment_carries_the_adaptive_card_content_type_and_the_card_json()
    {
        var card = SampleCards.EveryElement();

        var attachment = card.ToAttachment();

        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        Assert.NotNull(attachment.Content);
        Assert.True(JsonElement.DeepEquals(card.ToJsonElement(), attachment.Content.Value));
    }

    [Fact]
    public void An_invoke_answer_made_from_a_typed_card_replaces_the_card_with_it()
    {
        var card = new AdaptiveCard { Body = [new TextBlock { Text = "Thanks" }] };

        var response = AdaptiveCardResponses.Card(card);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(Attachment.AdaptiveCardContentType, response.Type);
        Assert.True(JsonElement.DeepEquals(card.ToJsonElement(), response.Value!.Value));
    }

    [Fact]
    public void Execute_data_made_from_a_typed_record_comes_back_in_the_invoke_unchanged()
    {
        var sent = new HelpData("r-42", 3);
        var card = new AdaptiveCard
        {
            Actions = [new ExecuteAction { Title = "Help", Verb = "help.accept", Data = JsonSerializer.SerializeToElement(sent, Web) }],
        };

        // Teams echoes the action's data in value.action.data of the adaptiveCard/action invoke.
        var action = card.ToJsonElement().GetProperty("actions")[0];
        var invokeJson = $$"""{"action":{"type":"Action.Execute","verb":{{action.GetProperty("verb").GetRawText()}},"data":{{action.GetProperty("data").GetRawText()}}},"trigger":"manual"}""";
        var invoke = JsonSerializer.Deserialize(invokeJson, BotFrameworkJsonContext.Default.AdaptiveCardInvokeValue);

        Assert.Equal("help.accept", invoke?.Action?.Verb);
        Assert.Equal(sent, invoke?.Action?.Data?.Deserialize<HelpData>(Web));
    }

    [Fact]
    public void A_serialised_card_reads_back_into_the_same_elements_and_actions()
    {
        var original = SampleCards.EveryElement();

        var copy = JsonSerializer.Deserialize(original.ToJsonElement(), AdaptiveCardJsonContext.Default.AdaptiveCard);

        Assert.NotNull(copy);
        Assert.Equal(original.Body!.Select(element => element.GetType()), copy.Body!.Select(element => element.GetType()));
        var execute = Assert.IsType<ExecuteAction>(copy.Actions![0]);
        Assert.Equal("help.accept", execute.Verb);
        Assert.Equal("r-1", execute.Data?.GetProperty("requestId").GetString());
        Assert.Equal("refresh", copy.Refresh?.Action.Verb);
        Assert.True(JsonElement.DeepEquals(original.ToJsonElement(), copy.ToJsonElement()));
    }

    [Fact]
    public void A_refresh_whose_action_is_not_execute_is_refused_when_read()
    {
        const string Json = """{"type":"AdaptiveCard","version":"1.5","refresh":{"action":{"type":"Action.Submit"}}}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(Json, AdaptiveCardJsonContext.Default.AdaptiveCard));
    }

    [Theory]
    [InlineData("\"auto\"", "auto")]
    [InlineData("\"stretch\"", "stretch")]
    [InlineData("\"120px\"", "120px")]
    [InlineData("4", "4")]
    public void A_column_width_reads_back_as_it_was_written(string json, string expected)
    {
        var width = JsonSerializer.Deserialize($$"""{"type":"Column","width":{{json}}}""", AdaptiveCardJsonContext.Default.Column)!.Width;

        Assert.Equal(expected, width?.ToString());
    }

    [Theory]
    [InlineData("\"wide\"")]
    [InlineData("\"-3px\"")]
    [InlineData("0")]
    public void A_column_width_the_schema_does_not_describe_is_refused(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize($$"""{"width":{{json}}}""", AdaptiveCardJsonContext.Default.Column));
    }
}
