using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerSupportBot.BotFramework.Cards;

/// <summary>
/// A button on a card. Serialised through this base type, each action writes its <c>type</c>
/// first ("Action.Execute", …). The set of actions is closed.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(ToggleVisibilityAction), "Action.ToggleVisibility")]
public abstract record CardAction
{
    private protected CardAction()
    {
    }

    // Title and id are written straight after the type, so the JSON reads like the button.

    /// <summary>The button's text.</summary>
    [JsonPropertyName("title"), JsonPropertyOrder(-2)] public string? Title { get; init; }
    /// <summary>An id for the action.</summary>
    [JsonPropertyName("id"), JsonPropertyOrder(-1)] public string? Id { get; init; }
    /// <summary>Positive or destructive emphasis.</summary>
    [JsonPropertyName("style")] public ActionStyle? Style { get; init; }
    /// <summary>False to show the button disabled (1.5).</summary>
    [JsonPropertyName("isEnabled")] public bool? IsEnabled { get; init; }
    /// <summary>Text shown on hover and read by screen readers (1.5).</summary>
    [JsonPropertyName("tooltip")] public string? Tooltip { get; init; }
    /// <summary>A button, or in the overflow menu (1.5).</summary>
    [JsonPropertyName("mode")] public ActionMode? Mode { get; init; }
    /// <summary>An icon shown with the title.</summary>
    [JsonPropertyName("iconUrl")] public Uri? IconUrl { get; init; }
}

/// <summary>
/// Action.Execute (Universal Action Model): Teams sends an adaptiveCard/action invoke with the
/// verb and <see cref="Data"/> merged with the card's inputs, and the bot may answer with a new card.
/// </summary>
public sealed record ExecuteAction : CardAction
{
    /// <summary>What the bot should do; arrives as value.action.verb.</summary>
    [JsonPropertyName("verb")] public string? Verb { get; init; }
    /// <summary>
    /// Hidden data sent back with the inputs; arrives as value.action.data. The schema allows an
    /// object or a string. Make it from a typed record with <c>JsonSerializer.SerializeToElement</c>.
    /// </summary>
    [JsonPropertyName("data")] public JsonElement? Data { get; init; }
    /// <summary>Which inputs are sent; None also skips input validation (for Cancel buttons).</summary>
    [JsonPropertyName("associatedInputs")] public AssociatedInputs? AssociatedInputs { get; init; }
}

/// <summary>
/// Action.Submit: arrives as a message whose value is <see cref="Data"/> merged with the inputs.
/// It cannot answer with a new card; prefer <see cref="ExecuteAction"/> in Teams.
/// </summary>
public sealed record SubmitAction : CardAction
{
    /// <summary>Hidden data sent back with the inputs: an object or a string.</summary>
    [JsonPropertyName("data")] public JsonElement? Data { get; init; }
    /// <summary>Which inputs are sent.</summary>
    [JsonPropertyName("associatedInputs")] public AssociatedInputs? AssociatedInputs { get; init; }
}

/// <summary>Action.OpenUrl: opens a link, such as a Teams chat or meeting deep link.</summary>
public sealed record OpenUrlAction : CardAction
{
    /// <summary>The link. Required.</summary>
    [JsonPropertyName("url")] public required Uri Url { get; init; }
}

/// <summary>Action.ShowCard: reveals a card inside this one, for example a short form.</summary>
public sealed record ShowCardAction : CardAction
{
    /// <summary>The card to show. Its version may be left out.</summary>
    [JsonPropertyName("card")] public AdaptiveCard? Card { get; init; }
}

/// <summary>Action.ToggleVisibility: shows or hides elements by id, without a round trip.</summary>
public sealed record ToggleVisibilityAction : CardAction
{
    /// <summary>The elements to show or hide. Required.</summary>
    [JsonPropertyName("targetElements")] public required IReadOnlyList<TargetElement> TargetElements { get; init; }
}

/// <summary>An element an <see cref="ToggleVisibilityAction"/> acts on.</summary>
/// <param name="ElementId">The element's id.</param>
/// <param name="IsVisible">True to show, false to hide, null to toggle.</param>
public sealed record TargetElement(
    [property: JsonPropertyName("elementId")] string ElementId,
    [property: JsonPropertyName("isVisible")] bool? IsVisible = null);
