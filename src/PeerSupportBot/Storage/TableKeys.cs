using System.Globalization;
using System.Security.Cryptography;
using System.Runtime.InteropServices;
using System.Text;

namespace PeerSupportBot.Storage;

/// <summary>
/// Turns channel ids into valid table keys. Keys may not hold / \ # ? or control characters, must
/// be valid UTF-16 and at most 1 KiB, and Teams ids are opaque: escape reversibly instead of
/// assuming their shape. Anything no Teams id looks like (a lone surrogate, a key too long) gets
/// a key no real id can have, so a tampered id finds nothing instead of making storage answer
/// InvalidInput.
/// </summary>
internal static class TableKeys
{
    // Far above any Teams or Entra id, well below Table Storage's 1 KiB.
    public const int MaxEncodedLength = 400;

    private const string HashedPrefix = "~h~";

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        for (var index = 0; index < value.Length; index++)
        {
            var character = value[index];
            if (char.IsSurrogate(character) && !(char.IsHighSurrogate(character) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1])))
            {
                return Hashed(value);
            }

            if (char.IsHighSurrogate(character))
            {
                builder.Append(character).Append(value[++index]);
            }
            else if (character is '/' or '\\' or '#' or '?' or '%' || char.IsControl(character))
            {
                builder.Append('%').Append(((int)character).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(character);
            }
        }

        return builder.Length <= MaxEncodedLength ? builder.ToString() : Hashed(value);
    }

    public static string Decode(string key) => Uri.UnescapeDataString(key);

    // '~' never starts an encoded Teams or Entra id, and the hash (of the UTF-16 itself, which
    // need not be valid) keeps one odd id one key.
    private static string Hashed(string value) =>
        HashedPrefix + Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(value.AsSpan())));
}
