using System.Security.Cryptography;
using System.Text;

namespace PeerSupportBot.Cohorts;

/// <summary>
/// Join codes: 12 characters of Crockford base32 (60 bits), shown as XXXX-XXXX-XXXX. Only their
/// SHA-256 hash is stored; guessing is throttled per person.
/// </summary>
internal static class JoinCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 12;

    public static string New()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < Length; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"{code[..4]}-{code[4..8]}-{code[8..]}";
    }

    /// <summary>The canonical form of what a person typed: case, dashes and look-alike letters do not matter.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
        {
            return null;
        }

        var builder = new StringBuilder(Length);
        foreach (var character in typed.ToUpperInvariant())
        {
            var canonical = character switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                _ => character,
            };
            if (Alphabet.Contains(canonical, StringComparison.Ordinal))
            {
                builder.Append(canonical);
            }
            else if (canonical is not ('-' or ' '))
            {
                return null;
            }
        }

        return builder.Length == Length ? builder.ToString() : null;
    }

    public static string Hash(string code)
    {
        var canonical = Normalize(code) ?? throw new ArgumentException("Not a join code.", nameof(code));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(canonical)));
    }

    public static string NewCohortId() =>
        string.Create(10, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = char.ToLowerInvariant(Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)]);
            }
        });
}
