using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PeerSupportBot.Outbox;

namespace PeerSupportBot.Storage;

/// <summary>
/// A keyed hash (HMAC-SHA256) of a person key, for rows about people who never consented (a
/// wrong join code, a count of asks): the row can be found again for the same person, but
/// storage alone does not say who. The key is derived with HKDF from Outbox:TextKey, with its own
/// purpose string, so it is never the key that seals outbox text.
/// </summary>
internal sealed class PersonPseudonyms
{
    private static readonly byte[] KeyPurpose = Encoding.UTF8.GetBytes("PeerSupportBot throttle person pseudonym v1");

    private readonly byte[] _key;

    public PersonPseudonyms(IOptions<OutboxOptions> options)
    {
        var secret = options.Value.TextKey;
        // Without a configured key (Development only; OutboxOptions demands one elsewhere) a key of
        // the process: the counts start again after a restart, which costs nothing there.
        _key = string.IsNullOrWhiteSpace(secret)
            ? RandomNumberGenerator.GetBytes(32)
            : HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: null, info: KeyPurpose);
    }

    /// <summary>64 hex digits, safe as a table key as it is.</summary>
    public string Of(string personKey) =>
        Convert.ToHexString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(personKey)));
}
