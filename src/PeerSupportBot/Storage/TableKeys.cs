using System.Globalization;
using System.Text;

namespace PeerSupportBot.Storage;

/// <summary>
/// Turns channel ids into valid table keys. Keys may not hold / \ # ? or control characters, and
/// Teams ids are opaque: escape reversibly instead of assuming their shape.
/// </summary>
internal static class TableKeys
{
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var character in value)
        {
            if (character is '/' or '\\' or '#' or '?' or '%' || char.IsControl(character))
            {
                builder.Append('%').Append(((int)character).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.ToString();
    }

    public static string Decode(string key) => Uri.UnescapeDataString(key);
}
