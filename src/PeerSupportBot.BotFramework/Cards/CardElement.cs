using System.Text.Json.Serialization;

namespace PeerSupportBot.BotFramework.Cards;

/// <summary>
/// An element of a card's body. Serialised through this base type, each element writes its
/// <c>type</c> first ("TextBlock", "Input.Text", …), as the card schema and renderers expect.
/// The set of elements is closed: only the types listed here can be serialised.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
public abstract record CardElement
{
    // Only this assembly adds element types, so every one is registered above.
    private protected CardElement()
    {
    }

    /// <summary>The gap before this element.</summary>
    [JsonPropertyName("spacing")] public Spacing? Spacing { get; init; }
    /// <summary>True to draw a line above this element.</summary>
    [JsonPropertyName("separator")] public bool? Separator { get; init; }
    /// <summary>False to hide the element until an Action.ToggleVisibility shows it.</summary>
    [JsonPropertyName("isVisible")] public bool? IsVisible { get; init; }
}

/// <summary>
/// An input: its value is sent with an Execute or Submit action under <see cref="Id"/>.
/// </summary>
public abstract record CardInput : CardElement
{
    private protected CardInput()
    {
    }

    // Id and label are written straight after the type: they say which input this is.

    /// <summary>The key of this input's value in the action's data. Required by the schema.</summary>
    [JsonPropertyName("id"), JsonPropertyOrder(-2)] public required string Id { get; init; }
    /// <summary>A label shown with the input (needed for accessibility).</summary>
    [JsonPropertyName("label"), JsonPropertyOrder(-1)] public string? Label { get; init; }
    /// <summary>True when the action cannot be sent until the input has a value.</summary>
    [JsonPropertyName("isRequired")] public bool? IsRequired { get; init; }
    /// <summary>Shown when the value is missing or invalid.</summary>
    [JsonPropertyName("errorMessage")] public string? ErrorMessage { get; init; }
}
