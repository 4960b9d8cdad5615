using System.Text.Json.Serialization;

namespace PeerSupportBot.BotFramework.Cards;

/// <summary>Groups elements, optionally on a styled background.</summary>
public sealed record Container : CardElement
{
    /// <summary>An id, for Action.ToggleVisibility.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }
    /// <summary>The elements inside. Required.</summary>
    [JsonPropertyName("items")] public required IReadOnlyList<CardElement> Items { get; init; }
    /// <summary>The background style.</summary>
    [JsonPropertyName("style")] public ContainerStyle? Style { get; init; }
    /// <summary>Vertical alignment of the items.</summary>
    [JsonPropertyName("verticalContentAlignment")] public VerticalContentAlignment? VerticalContentAlignment { get; init; }
    /// <summary>True to let the background reach the parent's edges.</summary>
    [JsonPropertyName("bleed")] public bool? Bleed { get; init; }
}

/// <summary>Columns side by side.</summary>
public sealed record ColumnSet : CardElement
{
    /// <summary>An id, for Action.ToggleVisibility.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }
    /// <summary>The columns.</summary>
    [JsonPropertyName("columns")] public IReadOnlyList<Column>? Columns { get; init; }
    /// <summary>The background style.</summary>
    [JsonPropertyName("style")] public ContainerStyle? Style { get; init; }
    /// <summary>Horizontal alignment of the set.</summary>
    [JsonPropertyName("horizontalAlignment")] public HorizontalAlignment? HorizontalAlignment { get; init; }
    /// <summary>True to let the background reach the parent's edges.</summary>
    [JsonPropertyName("bleed")] public bool? Bleed { get; init; }
}

/// <summary>One column of a <see cref="ColumnSet"/>.</summary>
public sealed record Column
{
    /// <summary>Always Column.</summary>
    [JsonPropertyName("type"), JsonPropertyOrder(-1)] public string Type { get; } = "Column";
    /// <summary>An id, for Action.ToggleVisibility.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }
    /// <summary>The elements inside.</summary>
    [JsonPropertyName("items")] public IReadOnlyList<CardElement>? Items { get; init; }
    /// <summary>auto, stretch, a pixel width or a relative weight.</summary>
    [JsonPropertyName("width")] public ColumnWidth? Width { get; init; }
    /// <summary>The background style.</summary>
    [JsonPropertyName("style")] public ContainerStyle? Style { get; init; }
    /// <summary>Vertical alignment of the items.</summary>
    [JsonPropertyName("verticalContentAlignment")] public VerticalContentAlignment? VerticalContentAlignment { get; init; }
    /// <summary>The gap before this column.</summary>
    [JsonPropertyName("spacing")] public Spacing? Spacing { get; init; }
    /// <summary>True to draw a line before this column.</summary>
    [JsonPropertyName("separator")] public bool? Separator { get; init; }
    /// <summary>False to hide the column until an Action.ToggleVisibility shows it.</summary>
    [JsonPropertyName("isVisible")] public bool? IsVisible { get; init; }
}

/// <summary>An image.</summary>
public sealed record Image : CardElement
{
    /// <summary>An id, for Action.ToggleVisibility.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }
    /// <summary>Where the image is, or a data URI. Required.</summary>
    [JsonPropertyName("url")] public required Uri Url { get; init; }
    /// <summary>What the image shows, for screen readers.</summary>
    [JsonPropertyName("altText")] public string? AltText { get; init; }
    /// <summary>Approximate size.</summary>
    [JsonPropertyName("size")] public ImageSize? Size { get; init; }
    /// <summary><see cref="ImageStyle.Person"/> crops to a circle.</summary>
    [JsonPropertyName("style")] public ImageStyle? Style { get; init; }
    /// <summary>Horizontal alignment of the image.</summary>
    [JsonPropertyName("horizontalAlignment")] public HorizontalAlignment? HorizontalAlignment { get; init; }
}

/// <summary>Actions placed in the body rather than at the card's foot.</summary>
public sealed record ActionSet : CardElement
{
    /// <summary>An id, for Action.ToggleVisibility.</summary>
    [JsonPropertyName("id")] public string? Id { get; init; }
    /// <summary>The actions. Required.</summary>
    [JsonPropertyName("actions")] public required IReadOnlyList<CardAction> Actions { get; init; }
}
