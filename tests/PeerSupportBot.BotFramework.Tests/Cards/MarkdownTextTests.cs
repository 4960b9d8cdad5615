using PeerSupportBot.BotFramework.Cards;

namespace PeerSupportBot.BotFramework.Tests.Cards;

public sealed class MarkdownTextTests
{
    [Theory]
    [InlineData("[Click](https://evil.example)", "\\[Click\\]\\(https:\u2060//evil.example\\)")]
    [InlineData("**boss** _now_", "\\*\\*boss\\*\\* \\_now\\_")]
    [InlineData("<at>Everyone</at>", "\\<at\\>Everyone\\</at\\>")]
    [InlineData("# Heading", "\\# Heading")]
    [InlineData("- item\n1. first", "\\- item\n1\\. first")]
    [InlineData("see https://x.example", "see https:\u2060//x.example")]
    public void Markdown_in_typed_text_is_shown_as_itself(string typed, string escaped) =>
        Assert.Equal(escaped, MarkdownText.Escape(typed));

    [Theory]
    [InlineData("Anna-Liisa Mäkelä")]
    [InlineData("Esihenkilövalmennus syksy 2026")]
    [InlineData("Version 2.0 is out")]
    public void Ordinary_text_is_left_alone(string typed) =>
        Assert.Equal(typed, MarkdownText.Escape(typed));
}
