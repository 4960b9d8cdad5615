using System.Text.Json;
using PeerSupportBot.BotFramework.Cards;

namespace PeerSupportBot.BotFramework.Tests.Cards;

// Each element through its base type, as a card body writes it: the exact JSON, so the order
// ("type" first), the enum spelling and the missing nulls are all part of the expectation.
public class CardElementJsonTests
{
    private static string Json(CardElement element) => JsonSerializer.Serialize(element, AdaptiveCardJsonContext.Default.CardElement);

    [Fact]
    public void A_text_block_writes_its_type_first_and_leaves_out_what_is_not_set()
    {
        Assert.Equal("""{"type":"TextBlock","text":"Hello"}""", Json(new TextBlock { Text = "Hello" }));
    }

    [Fact]
    public void A_text_block_writes_enums_as_the_schema_spells_them()
    {
        var block = new TextBlock
        {
            Text = "Heads up",
            Size = TextSize.ExtraLarge,
            Weight = TextWeight.Bolder,
            Color = TextColor.Attention,
            Wrap = true,
            IsSubtle = false,
            HorizontalAlignment = HorizontalAlignment.Center,
            MaxLines = 2,
            Style = TextBlockStyle.Heading,
            Spacing = Spacing.ExtraLarge,
            Separator = true,
        };

        Assert.Equal(
            """{"type":"TextBlock","text":"Heads up","size":"extraLarge","weight":"bolder","color":"attention","wrap":true,"isSubtle":false,"horizontalAlignment":"center","maxLines":2,"style":"heading","spacing":"extraLarge","separator":true}""",
            Json(block));
    }

    [Fact]
    public void A_rich_text_block_writes_typed_text_runs()
    {
        var block = new RichTextBlock { Inlines = [new TextRun { Text = "a" }, new TextRun { Text = "b", Italic = true, Weight = TextWeight.Lighter }] };

        Assert.Equal(
            """{"type":"RichTextBlock","inlines":[{"type":"TextRun","text":"a"},{"type":"TextRun","text":"b","weight":"lighter","italic":true}]}""",
            Json(block));
    }

    [Fact]
    public void A_fact_set_writes_title_and_value_pairs()
    {
        Assert.Equal(
            """{"type":"FactSet","facts":[{"title":"Cohort","value":"Spring"}]}""",
            Json(new FactSet { Facts = [new Fact("Cohort", "Spring")] }));
    }

    [Fact]
    public void A_container_writes_its_items_through_their_own_types()
    {
        var container = new Container
        {
            Id = "more",
            Style = ContainerStyle.Emphasis,
            IsVisible = false,
            Items = [new TextBlock { Text = "x" }, new Image { Url = new Uri("https://example.org/i.png") }],
        };

        Assert.Equal(
            """{"type":"Container","id":"more","items":[{"type":"TextBlock","text":"x"},{"type":"Image","url":"https://example.org/i.png"}],"style":"emphasis","isVisible":false}""",
            Json(container));
    }

    [Fact]
    public void A_column_set_writes_each_column_with_its_type_and_width()
    {
        var set = new ColumnSet
        {
            Columns =
            [
                new Column { Width = ColumnWidth.Auto },
                new Column { Width = ColumnWidth.Stretch },
                new Column { Width = ColumnWidth.Pixels(50) },
                new Column { Width = ColumnWidth.Weight(3), Items = [new TextBlock { Text = "y" }] },
            ],
        };

        Assert.Equal(
            """{"type":"ColumnSet","columns":[{"type":"Column","width":"auto"},{"type":"Column","width":"stretch"},{"type":"Column","width":"50px"},{"type":"Column","items":[{"type":"TextBlock","text":"y"}],"width":3}]}""",
            Json(set));
    }

    [Fact]
    public void An_image_writes_its_url_alt_text_size_and_style()
    {
        var image = new Image { Url = new Uri("https://example.org/me.png"), AltText = "Me", Size = ImageSize.Small, Style = ImageStyle.Person };

        Assert.Equal(
            """{"type":"Image","url":"https://example.org/me.png","altText":"Me","size":"small","style":"person"}""",
            Json(image));
    }

    [Fact]
    public void An_action_set_writes_its_actions_through_their_own_types()
    {
        var set = new ActionSet { Actions = [new OpenUrlAction { Title = "Open", Url = new Uri("https://example.org/") }] };

        Assert.Equal(
            """{"type":"ActionSet","actions":[{"type":"Action.OpenUrl","title":"Open","url":"https://example.org/"}]}""",
            Json(set));
    }

    [Fact]
    public void A_text_input_writes_its_id_and_label_after_its_type()
    {
        var input = new TextInput { Id = "note", Label = "Note", Placeholder = "Type here", IsMultiline = true, MaxLength = 300, IsRequired = true, ErrorMessage = "Needed", Style = TextInputStyle.Email };

        Assert.Equal(
            """{"type":"Input.Text","id":"note","label":"Note","placeholder":"Type here","isMultiline":true,"maxLength":300,"style":"email","isRequired":true,"errorMessage":"Needed"}""",
            Json(input));
    }

    [Fact]
    public void A_choice_set_writes_its_choices_and_style()
    {
        var input = new ChoiceSetInput { Id = "when", Choices = [new Choice("Monday", "mon"), new Choice("Tuesday", "tue")], IsMultiSelect = true, Style = ChoiceInputStyle.Expanded, Value = "mon,tue" };

        Assert.Equal(
            """{"type":"Input.ChoiceSet","id":"when","choices":[{"title":"Monday","value":"mon"},{"title":"Tuesday","value":"tue"}],"isMultiSelect":true,"style":"expanded","value":"mon,tue"}""",
            Json(input));
    }

    [Fact]
    public void A_toggle_writes_its_title_and_values()
    {
        var input = new ToggleInput { Id = "ok", Title = "I agree", ValueOn = "yes", ValueOff = "no" };

        Assert.Equal(
            """{"type":"Input.Toggle","id":"ok","title":"I agree","valueOn":"yes","valueOff":"no"}""",
            Json(input));
    }

    [Fact]
    public void A_date_input_writes_dates_as_year_month_day()
    {
        var input = new DateInput { Id = "day", Value = new DateOnly(2025, 2, 3), Min = new DateOnly(2025, 1, 1) };

        Assert.Equal("""{"type":"Input.Date","id":"day","value":"2025-02-03","min":"2025-01-01"}""", Json(input));
    }

    [Fact]
    public void An_enum_value_the_schema_does_not_know_is_refused_rather_than_written_as_a_number()
    {
        Assert.Throws<JsonException>(() => Json(new TextBlock { Text = "x", Size = (TextSize)42 }));
    }
}
