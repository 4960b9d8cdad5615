using System.Globalization;
using System.Text;

namespace PeerSupportBot.Tests.Fuzzing;

/// <summary>
/// JSON written by hand, so generated bodies can hold what System.Text.Json refuses to write:
/// lone surrogates, depth beyond any limit, duplicate keys, numbers where strings belong.
/// </summary>
internal static class JsonText
{
    public static string String(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var character in value)
        {
            if (character is '"' or '\\' || character < 0x20 || character > 0x7E)
            {
                builder.Append("\\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.Append('"').ToString();
    }

    public static string Object(IEnumerable<KeyValuePair<string, string>> fields) =>
        "{" + string.Join(',', fields.Select(field => String(field.Key) + ":" + field.Value)) + "}";

    public static string Object(params (string Key, string Value)[] fields) =>
        Object(fields.Select(field => KeyValuePair.Create(field.Key, field.Value)));

    public static string Array(IEnumerable<string> items) => "[" + string.Join(',', items) + "]";

    /// <summary>Arrays and objects nested <paramref name="depth"/> deep.</summary>
    public static string Nested(int depth) =>
        string.Concat(Enumerable.Range(0, depth).Select(level => level % 2 == 0 ? "[" : "{\"a\":"))
        + "1"
        + string.Concat(Enumerable.Range(0, depth).Reverse().Select(level => level % 2 == 0 ? "]" : "}"));
}
