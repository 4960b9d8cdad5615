using System.Text.Json.Serialization;

namespace PeerSupportBot.BotFramework.Cards;

/// <summary>A text field (Input.Text).</summary>
public sealed record TextInput : CardInput
{
    /// <summary>Shown while the field is empty.</summary>
    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }
    /// <summary>True for a box of several lines.</summary>
    [JsonPropertyName("isMultiline")] public bool? IsMultiline { get; init; }
    /// <summary>A hint for the most characters; some clients ignore it, so check on receipt too.</summary>
    [JsonPropertyName("maxLength")] public int? MaxLength { get; init; }
    /// <summary>A regular expression the value must match (client-side check only).</summary>
    [JsonPropertyName("regex")] public string? Regex { get; init; }
    /// <summary>The kind of text expected.</summary>
    [JsonPropertyName("style")] public TextInputStyle? Style { get; init; }
    /// <summary>The initial value.</summary>
    [JsonPropertyName("value")] public string? Value { get; init; }
}

/// <summary>A choice among options (Input.ChoiceSet).</summary>
public sealed record ChoiceSetInput : CardInput
{
    /// <summary>The options.</summary>
    [JsonPropertyName("choices")] public IReadOnlyList<Choice>? Choices { get; init; }
    /// <summary>True to allow several options; the value is then comma-separated.</summary>
    [JsonPropertyName("isMultiSelect")] public bool? IsMultiSelect { get; init; }
    /// <summary>Compact (a drop-down) or expanded (radio buttons or checkboxes).</summary>
    [JsonPropertyName("style")] public ChoiceInputStyle? Style { get; init; }
    /// <summary>The initially chosen value, or values separated by commas.</summary>
    [JsonPropertyName("value")] public string? Value { get; init; }
    /// <summary>Shown in a compact, single-choice set while nothing is chosen.</summary>
    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }
    /// <summary>True to let long option titles wrap.</summary>
    [JsonPropertyName("wrap")] public bool? Wrap { get; init; }
}

/// <summary>One option of a <see cref="ChoiceSetInput"/>.</summary>
/// <param name="Title">What the person sees.</param>
/// <param name="Value">What the action sends when the option is chosen.</param>
public sealed record Choice(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);

/// <summary>A checkbox or switch (Input.Toggle).</summary>
public sealed record ToggleInput : CardInput
{
    /// <summary>The text beside the toggle. Required.</summary>
    [JsonPropertyName("title")] public required string Title { get; init; }
    /// <summary>The initial value: <see cref="ValueOn"/> to start switched on.</summary>
    [JsonPropertyName("value")] public string? Value { get; init; }
    /// <summary>The value sent when on; "true" when not set.</summary>
    [JsonPropertyName("valueOn")] public string? ValueOn { get; init; }
    /// <summary>The value sent when off; "false" when not set.</summary>
    [JsonPropertyName("valueOff")] public string? ValueOff { get; init; }
    /// <summary>True to let a long title wrap.</summary>
    [JsonPropertyName("wrap")] public bool? Wrap { get; init; }
}

/// <summary>A date picker (Input.Date); dates travel as YYYY-MM-DD.</summary>
public sealed record DateInput : CardInput
{
    /// <summary>The initial date.</summary>
    [JsonPropertyName("value")] public DateOnly? Value { get; init; }
    /// <summary>The earliest date allowed.</summary>
    [JsonPropertyName("min")] public DateOnly? Min { get; init; }
    /// <summary>The latest date allowed.</summary>
    [JsonPropertyName("max")] public DateOnly? Max { get; init; }
    /// <summary>Shown while no date is chosen.</summary>
    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }
}
