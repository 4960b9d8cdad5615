using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace PeerSupportBot.BotFramework.Tests.Authentication;

/// <summary>
/// Serves the two OpenID metadata documents and their key sets in-process, as the primary handler
/// of the authenticator's named HttpClient. Keys can be added later to play a rotation.
/// </summary>
internal sealed class FakeOpenIdProvider
{
    public static readonly Uri ChannelMetadataUrl = new("https://login.botframework.test/v1/.well-known/openidconfiguration");
    public static readonly Uri EntraMetadataUrl = new("https://login.entra.test/botframework.com/v2.0/.well-known/openid-configuration");
    private static readonly Uri ChannelKeysUrl = new("https://login.botframework.test/v1/.well-known/keys");
    private static readonly Uri EntraKeysUrl = new("https://login.entra.test/common/discovery/v2.0/keys");

    private readonly Lock sync = new();
    private readonly List<TestSigningKey> channelKeys = [];
    private readonly List<TestSigningKey> entraKeys = [];
    private readonly List<Uri> requests = [];

    /// <summary>When set, every request fails with 503.</summary>
    public bool Unavailable { get; set; }

    public void PublishChannelKey(TestSigningKey key)
    {
        lock (sync)
        {
            channelKeys.Add(key);
        }
    }

    public void PublishEntraKey(TestSigningKey key)
    {
        lock (sync)
        {
            entraKeys.Add(key);
        }
    }

    /// <summary>How many times a metadata document (not its key set) was fetched.</summary>
    public int MetadataFetches(Uri metadataUrl)
    {
        lock (sync)
        {
            return requests.Count(request => request == metadataUrl);
        }
    }

    public HttpMessageHandler CreateHandler() => new Handler(this);

    private HttpResponseMessage Respond(Uri url)
    {
        lock (sync)
        {
            requests.Add(url);
            if (Unavailable)
            {
                return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            }

            if (url == ChannelMetadataUrl)
            {
                return Json(Metadata("https://api.botframework.com", ChannelKeysUrl));
            }

            if (url == EntraMetadataUrl)
            {
                return Json(Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", EntraKeysUrl));
            }

            if (url == ChannelKeysUrl)
            {
                return Json(KeySet(channelKeys));
            }

            return url == EntraKeysUrl ? Json(KeySet(entraKeys)) : new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }

    private static JsonObject Metadata(string issuer, Uri keys) => new()
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = keys.AbsoluteUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    };

    private static JsonObject KeySet(IEnumerable<TestSigningKey> keys) =>
        new() { ["keys"] = new JsonArray([.. keys.Select(key => key.ToJwk())]) };

    private static HttpResponseMessage Json(JsonNode body) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
    };

    private sealed class Handler(FakeOpenIdProvider provider) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(provider.Respond(request.RequestUri!));
    }
}
