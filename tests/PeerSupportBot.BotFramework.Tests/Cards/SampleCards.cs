using System.Text.Json;
using PeerSupportBot.BotFramework.Cards;

namespace PeerSupportBot.BotFramework.Tests.Cards;

/// <summary>Cards shared by the card tests.</summary>
internal static class SampleCards
{
    /// <summary>A card that uses every element, action and setting this library offers.</summary>
    public static AdaptiveCard EveryElement() => new()
    {
        FallbackText = "Peer support: a request for help",
        Speak = "A request for help",
        MsTeams = new TeamsCardSettings { Width = TeamsCardWidth.Full },
        Refresh = new CardRefresh
        {
            Action = new ExecuteAction { Verb = "refresh", Data = Data("""{"requestId":"r-1"}""") },
            UserIds = ["29:asker", "29:helper"],
        },
        Body =
        [
            new TextBlock { Text = "Someone would like help", Size = TextSize.Large, Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading, Wrap = true },
            new TextBlock { Text = "Topic: _statistics_", IsSubtle = true, Color = TextColor.Attention, Spacing = Spacing.Small, Separator = true, MaxLines = 3, HorizontalAlignment = HorizontalAlignment.Center },
            new RichTextBlock
            {
                Inlines = [new TextRun { Text = "Only you ", Italic = true }, new TextRun { Text = "can see this.", Weight = TextWeight.Bolder, Color = TextColor.Good, Size = TextSize.Small, IsSubtle = false, Strikethrough = false, Highlight = true, Underline = true }],
                HorizontalAlignment = HorizontalAlignment.Left,
            },
            new FactSet { Facts = [new Fact("Cohort", "Spring 2025"), new Fact("Asked", "Today")] },
            new Container
            {
                Id = "details",
                Style = ContainerStyle.Emphasis,
                Bleed = true,
                IsVisible = false,
                VerticalContentAlignment = VerticalContentAlignment.Center,
                Items = [new TextBlock { Text = "More details", Wrap = true }],
            },
            new ColumnSet
            {
                Style = ContainerStyle.Accent,
                HorizontalAlignment = HorizontalAlignment.Right,
                Columns =
                [
                    new Column { Width = ColumnWidth.Auto, Items = [new Image { Url = new Uri("https://example.org/a.png"), AltText = "Avatar", Size = ImageSize.Small, Style = ImageStyle.Person }] },
                    new Column { Width = ColumnWidth.Stretch, Items = [new TextBlock { Text = "Name" }], VerticalContentAlignment = VerticalContentAlignment.Center },
                    new Column { Width = ColumnWidth.Pixels(80), Spacing = Spacing.Medium, Separator = true, Style = ContainerStyle.Good },
                    new Column { Width = ColumnWidth.Weight(2), IsVisible = true },
                ],
            },
            new TextInput { Id = "note", Label = "A note (optional)", Placeholder = "Write here", IsMultiline = true, MaxLength = 500, IsRequired = false, ErrorMessage = "Too long", Value = "", Style = TextInputStyle.Text, Regex = "^.*$" },
            new ChoiceSetInput
            {
                Id = "when",
                Label = "When suits you?",
                Choices = [new Choice("This week", "week"), new Choice("Next week", "next")],
                IsMultiSelect = true,
                Style = ChoiceInputStyle.Expanded,
                Value = "week",
                IsRequired = true,
                ErrorMessage = "Pick at least one",
                Wrap = true,
            },
            new ChoiceSetInput { Id = "mode", Choices = [new Choice("Chat", "chat")], Style = ChoiceInputStyle.Compact, Placeholder = "Choose" },
            new ToggleInput { Id = "consent", Title = "I agree", Label = "Consent", Value = "yes", ValueOn = "yes", ValueOff = "no", Wrap = true, IsRequired = true },
            new DateInput { Id = "date", Label = "Date", Value = new DateOnly(2025, 3, 14), Min = new DateOnly(2025, 1, 1), Max = new DateOnly(2025, 12, 31), Placeholder = "Pick a date" },
            new ActionSet { Actions = [new ToggleVisibilityAction { Title = "Details", TargetElements = [new TargetElement("details"), new TargetElement("note", IsVisible: true)] }] },
        ],
        Actions =
        [
            new ExecuteAction { Title = "Help", Verb = "help.accept", Data = Data("""{"requestId":"r-1"}"""), Style = ActionStyle.Positive, AssociatedInputs = AssociatedInputs.Auto, IsEnabled = true, Tooltip = "Offer help", Id = "accept" },
            new ExecuteAction { Title = "Not now", Verb = "help.decline", AssociatedInputs = AssociatedInputs.None, Style = ActionStyle.Destructive, Mode = ActionMode.Secondary },
            new SubmitAction { Title = "Send", Data = Data("\"plain\""), AssociatedInputs = AssociatedInputs.Auto },
            new OpenUrlAction { Title = "Chat", Url = new Uri("https://teams.microsoft.com/l/chat/0/0?users=a@example.org"), IconUrl = new Uri("https://example.org/chat.png") },
            new ShowCardAction { Title = "Reply", Card = new AdaptiveCard { Version = null, Body = [new TextInput { Id = "reply" }], Actions = [new ExecuteAction { Title = "Send", Verb = "reply" }] } },
        ],
    };

    public static JsonElement Data(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
