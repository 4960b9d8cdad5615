using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace PeerSupportBot.BotFramework.Tests.Authentication;

/// <summary>An RSA key minted for one test, published (public half only) by <see cref="FakeOpenIdProvider"/>.</summary>
internal sealed class TestSigningKey : IDisposable
{
    private readonly RSA rsa = RSA.Create(2048);

    public TestSigningKey(string keyId, params string[]? endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements is { Length: > 0 } ? endorsements : null;
    }

    public string KeyId { get; }

    /// <summary>Null (no endorsements given) publishes the key without an endorsements member.</summary>
    public IReadOnlyList<string>? Endorsements { get; }

    public SigningCredentials Credentials(string algorithm = SecurityAlgorithms.RsaSha256) =>
        new(new RsaSecurityKey(rsa) { KeyId = KeyId }, algorithm);

    /// <summary>The JWK as a key set lists it: public parameters only.</summary>
    public JsonObject ToJwk()
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(endorsement => JsonValue.Create(endorsement))]);
        }

        return jwk;
    }

    public void Dispose() => rsa.Dispose();
}
