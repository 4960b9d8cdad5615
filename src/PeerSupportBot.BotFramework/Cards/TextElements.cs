using System.Text.Json.Serialization;

namespace PeerSupportBot.BotFramework.Cards;

/// <summary>A block of text; a subset of Markdown is supported.</summary>
public sealed record TextBlock : CardElement
{
    /// <summary>An id, for Action.ToggleVisibility.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }
    /// <summary>The text. Required.</summary>
    [JsonPropertyName("text")] public required string Text { get; init; }
    /// <summary>Text size.</summary>
    [JsonPropertyName("size")] public TextSize? Size { get; init; }
    /// <summary>Text weight.</summary>
    [JsonPropertyName("weight")] public TextWeight? Weight { get; init; }
    /// <summary>Text colour.</summary>
    [JsonPropertyName("color")] public TextColor? Color { get; init; }
    /// <summary>True to let the text wrap; otherwise it is clipped to one line.</summary>
    [JsonPropertyName("wrap")] public bool? Wrap { get; init; }
    /// <summary>True to tone the text down.</summary>
    [JsonPropertyName("isSubtle")] public bool? IsSubtle { get; init; }
    /// <summary>Horizontal alignment of the text.</summary>
    [JsonPropertyName("horizontalAlignment")] public HorizontalAlignment? HorizontalAlignment { get; init; }
    /// <summary>The most lines shown.</summary>
    [JsonPropertyName("maxLines")] public int? MaxLines { get; init; }
    /// <summary><see cref="TextBlockStyle.Heading"/> marks a heading for screen readers.</summary>
    [JsonPropertyName("style")] public TextBlockStyle? Style { get; init; }
}

/// <summary>Text made of runs, each with its own formatting. Markdown is not interpreted.</summary>
public sealed record RichTextBlock : CardElement
{
    /// <summary>An id, for Action.ToggleVisibility.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }
    /// <summary>The runs of text. Required.</summary>
    [JsonPropertyName("inlines")] public required IReadOnlyList<TextRun> Inlines { get; init; }
    /// <summary>Horizontal alignment of the text.</summary>
    [JsonPropertyName("horizontalAlignment")] public HorizontalAlignment? HorizontalAlignment { get; init; }
}

/// <summary>A run of text in a <see cref="RichTextBlock"/>.</summary>
public sealed record TextRun
{
    /// <summary>Always TextRun; the schema requires it on object runs.</summary>
    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public string Type { get; } = "TextRun";
    /// <summary>The text. Required.</summary>
    [JsonPropertyName("text")] public required string Text { get; init; }
    /// <summary>Text size.</summary>
    [JsonPropertyName("size")] public TextSize? Size { get; init; }
    /// <summary>Text weight.</summary>
    [JsonPropertyName("weight")] public TextWeight? Weight { get; init; }
    /// <summary>Text colour.</summary>
    [JsonPropertyName("color")] public TextColor? Color { get; init; }
    /// <summary>True to tone the text down.</summary>
    [JsonPropertyName("isSubtle")] public bool? IsSubtle { get; init; }
    /// <summary>True for italics.</summary>
    [JsonPropertyName("italic")] public bool? Italic { get; init; }
    /// <summary>True to strike the text through.</summary>
    [JsonPropertyName("strikethrough")] public bool? Strikethrough { get; init; }
    /// <summary>True to highlight the text.</summary>
    [JsonPropertyName("highlight")] public bool? Highlight { get; init; }
    /// <summary>True to underline the text.</summary>
    [JsonPropertyName("underline")] public bool? Underline { get; init; }
}

/// <summary>Pairs of title and value, shown as a table.</summary>
public sealed record FactSet : CardElement
{
    /// <summary>An id, for Action.ToggleVisibility.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }
    /// <summary>The facts. Required.</summary>
    [JsonPropertyName("facts")] public required IReadOnlyList<Fact> Facts { get; init; }
}

/// <summary>One row of a <see cref="FactSet"/>.</summary>
/// <param name="Title">The title, shown first.</param>
/// <param name="Value">The value.</param>
public sealed record Fact(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);
