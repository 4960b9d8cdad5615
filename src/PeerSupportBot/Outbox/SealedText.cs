using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PeerSupportBot.Outbox;

/// <summary>
/// Encrypts the little text that must travel through the queue (AES-256-GCM). The key is derived
/// with HKDF from Outbox:TextKey, a secret in configuration (Key Vault in Azure), never in storage;
/// the message id is bound in as associated data, so a sealed text cannot be moved to another message.
/// </summary>
internal sealed class SealedText
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private static readonly byte[] KeyPurpose = Encoding.UTF8.GetBytes("PeerSupportBot outbox text v1");

    private readonly byte[] _key;

    public SealedText(IOptions<OutboxOptions> options, IHostEnvironment environment, ILogger<SealedText> logger)
    {
        var secret = options.Value.TextKey;
        if (string.IsNullOrWhiteSpace(secret))
        {
            // Only development gets here (OutboxOptions demands a key elsewhere): texts queued
            // now cannot be read by another process or after a restart.
            Log.EphemeralOutboxKey(logger, environment.EnvironmentName);
            _key = RandomNumberGenerator.GetBytes(32);
        }
        else
        {
            _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, salt: null, info: KeyPurpose);
        }
    }

    public string Seal(string text, string messageId)
    {
        var plain = Encoding.UTF8.GetBytes(text);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), Encoding.UTF8.GetBytes(messageId));
        CryptographicOperations.ZeroMemory(plain);
        return Convert.ToBase64String(sealedBytes);
    }

    /// <summary>The text, or null when it cannot be read (another key, or tampered with).</summary>
    public string? TryUnseal(string sealedText, string messageId)
    {
        try
        {
            var bytes = Convert.FromBase64String(sealedText);
            if (bytes.Length < NonceBytes + TagBytes)
            {
                return null;
            }

            var plain = new byte[bytes.Length - NonceBytes - TagBytes];
            using var aes = new AesGcm(_key, TagBytes);
            aes.Decrypt(bytes.AsSpan(0, NonceBytes), bytes.AsSpan(NonceBytes, plain.Length), bytes.AsSpan(NonceBytes + plain.Length), plain, Encoding.UTF8.GetBytes(messageId));
            return Encoding.UTF8.GetString(plain);
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return null;
        }
    }
}
