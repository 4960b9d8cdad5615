using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerSupportBot.BotFramework.Cards;

// The Adaptive Card schema lists its enum values in camelCase ("bolder", "extraLarge"); renderers
// accept any casing, but the schema's own spelling is the one to send. Numbers are never written.
internal sealed class CamelCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.CamelCase, allowIntegerValues: false)
    where TEnum : struct, Enum;

// A few values are spelt in PascalCase on the wire: associatedInputs ("Auto", "None") and Teams' "Full".
internal sealed class PascalCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(namingPolicy: null, allowIntegerValues: false)
    where TEnum : struct, Enum;

/// <summary>Text size: small, medium, large, extraLarge.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<TextSize>))]
public enum TextSize
{
    /// <summary>The host's default size.</summary>
    Default,
    /// <summary>small</summary>
    Small,
    /// <summary>medium</summary>
    Medium,
    /// <summary>large</summary>
    Large,
    /// <summary>extraLarge</summary>
    ExtraLarge,
}

/// <summary>Text weight: lighter or bolder.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<TextWeight>))]
public enum TextWeight
{
    /// <summary>The host's default weight.</summary>
    Default,
    /// <summary>lighter</summary>
    Lighter,
    /// <summary>bolder</summary>
    Bolder,
}

/// <summary>Text colour, chosen by meaning; the host picks the actual colour.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<TextColor>))]
public enum TextColor
{
    /// <summary>The host's default colour.</summary>
    Default,
    /// <summary>dark</summary>
    Dark,
    /// <summary>light</summary>
    Light,
    /// <summary>accent</summary>
    Accent,
    /// <summary>good</summary>
    Good,
    /// <summary>warning</summary>
    Warning,
    /// <summary>attention</summary>
    Attention,
}

/// <summary>The gap before an element; the host decides the pixels.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<Spacing>))]
public enum Spacing
{
    /// <summary>The host's default gap.</summary>
    Default,
    /// <summary>none</summary>
    None,
    /// <summary>small</summary>
    Small,
    /// <summary>medium</summary>
    Medium,
    /// <summary>large</summary>
    Large,
    /// <summary>extraLarge</summary>
    ExtraLarge,
    /// <summary>padding</summary>
    Padding,
}

/// <summary>Horizontal placement: left, center, right.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<HorizontalAlignment>))]
public enum HorizontalAlignment
{
    /// <summary>left</summary>
    Left,
    /// <summary>center</summary>
    Center,
    /// <summary>right</summary>
    Right,
}

/// <summary>Vertical placement of a container's content: top, center, bottom.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<VerticalContentAlignment>))]
public enum VerticalContentAlignment
{
    /// <summary>top</summary>
    Top,
    /// <summary>center</summary>
    Center,
    /// <summary>bottom</summary>
    Bottom,
}

/// <summary>A TextBlock's role for screen readers (1.5): default or heading.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<TextBlockStyle>))]
public enum TextBlockStyle
{
    /// <summary>Ordinary text.</summary>
    Default,
    /// <summary>A heading, announced as one.</summary>
    Heading,
}

/// <summary>A container's background style, chosen by meaning.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ContainerStyle>))]
public enum ContainerStyle
{
    /// <summary>default</summary>
    Default,
    /// <summary>emphasis</summary>
    Emphasis,
    /// <summary>good</summary>
    Good,
    /// <summary>attention</summary>
    Attention,
    /// <summary>warning</summary>
    Warning,
    /// <summary>accent</summary>
    Accent,
}

/// <summary>An image's approximate size; each keeps the aspect ratio.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ImageSize>))]
public enum ImageSize
{
    /// <summary>auto</summary>
    Auto,
    /// <summary>stretch</summary>
    Stretch,
    /// <summary>small</summary>
    Small,
    /// <summary>medium</summary>
    Medium,
    /// <summary>large</summary>
    Large,
}

/// <summary>How an image is drawn: default, or person (cropped to a circle).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ImageStyle>))]
public enum ImageStyle
{
    /// <summary>default</summary>
    Default,
    /// <summary>person</summary>
    Person,
}

/// <summary>An action's emphasis: default, positive or destructive.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ActionStyle>))]
public enum ActionStyle
{
    /// <summary>default</summary>
    Default,
    /// <summary>positive</summary>
    Positive,
    /// <summary>destructive</summary>
    Destructive,
}

/// <summary>Whether an action is a button or sits in the overflow menu (1.5).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ActionMode>))]
public enum ActionMode
{
    /// <summary>A button.</summary>
    Primary,
    /// <summary>In the overflow menu.</summary>
    Secondary,
}

/// <summary>Which inputs an Execute or Submit action sends: Auto (the card's) or None.</summary>
[JsonConverter(typeof(PascalCaseEnumConverter<AssociatedInputs>))]
public enum AssociatedInputs
{
    /// <summary>Auto: the inputs of this card and its parents.</summary>
    Auto,
    /// <summary>None: no inputs, and no input validation.</summary>
    None,
}

/// <summary>How a choice set is shown: compact (a drop-down) or expanded (radio buttons or checkboxes).</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<ChoiceInputStyle>))]
public enum ChoiceInputStyle
{
    /// <summary>compact</summary>
    Compact,
    /// <summary>expanded</summary>
    Expanded,
}

/// <summary>A hint for the kind of text an input takes.</summary>
[JsonConverter(typeof(CamelCaseEnumConverter<TextInputStyle>))]
public enum TextInputStyle
{
    /// <summary>text</summary>
    Text,
    /// <summary>tel</summary>
    Tel,
    /// <summary>url</summary>
    Url,
    /// <summary>email</summary>
    Email,
    /// <summary>password</summary>
    Password,
}

/// <summary>The width Teams gives a card (Teams extension, msteams.width).</summary>
[JsonConverter(typeof(PascalCaseEnumConverter<TeamsCardWidth>))]
public enum TeamsCardWidth
{
    /// <summary>Full: the card takes the message area's whole width.</summary>
    Full,
}
