using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PeerSupportBot.BotFramework.Cards;

/// <summary>
/// A column's width. On the wire it is a string ("auto", "stretch", "80px") or a number (a weight
/// relative to the other columns), so it is neither a plain string nor an enum.
/// </summary>
[JsonConverter(typeof(ColumnWidthConverter))]
public readonly record struct ColumnWidth
{
    private ColumnWidth(string? keyword, int amount)
    {
        Keyword = keyword;
        Amount = amount;
    }

    /// <summary>As wide as the content.</summary>
    public static ColumnWidth Auto { get; } = new("auto", 0);
    /// <summary>The space that is left, shared with other stretching columns.</summary>
    public static ColumnWidth Stretch { get; } = new("stretch", 0);

    /// <summary>A fixed width in pixels.</summary>
    public static ColumnWidth Pixels(int pixels) =>
        pixels > 0 ? new("px", pixels) : throw new ArgumentOutOfRangeException(nameof(pixels), pixels, "A width must be positive.");

    /// <summary>A share of the width relative to the other columns' weights.</summary>
    public static ColumnWidth Weight(int weight) =>
        weight > 0 ? new(null, weight) : throw new ArgumentOutOfRangeException(nameof(weight), weight, "A weight must be positive.");

    // "auto", "stretch", "px" (Amount pixels) or null (a weight of Amount; default(ColumnWidth)
    // has neither, and is read as auto).
    private string? Keyword { get; }
    private int Amount { get; }

    internal bool IsWeight => Keyword is null && Amount > 0;

    internal int WeightValue => Amount;

    /// <summary>The width as the card JSON spells it.</summary>
    public override string ToString() => Keyword switch
    {
        null when Amount > 0 => Amount.ToString(CultureInfo.InvariantCulture),
        null => "auto",
        "px" => string.Create(CultureInfo.InvariantCulture, $"{Amount}px"),
        _ => Keyword,
    };
}

internal sealed class ColumnWidthConverter : JsonConverter<ColumnWidth>
{
    public override ColumnWidth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
            return reader.TryGetInt32(out var weight) && weight > 0 ? ColumnWidth.Weight(weight) : throw new JsonException("A column weight is a positive whole number.");

        var text = reader.GetString();
        return text switch
        {
            "auto" => ColumnWidth.Auto,
            "stretch" => ColumnWidth.Stretch,
            _ when text?.EndsWith("px", StringComparison.Ordinal) == true
                && int.TryParse(text.AsSpan(0, text.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var pixels)
                && pixels > 0 => ColumnWidth.Pixels(pixels),
            _ => throw new JsonException("A column width is \"auto\", \"stretch\", \"<n>px\" or a number."),
        };
    }

    public override void Write(Utf8JsonWriter writer, ColumnWidth value, JsonSerializerOptions options)
    {
        if (value.IsWeight)
            writer.WriteNumberValue(value.WeightValue);
        else
            writer.WriteStringValue(value.ToString());
    }
}
