using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.BotFramework.Telemetry;
using Polly.Timeout;

namespace PeerSupportBot.BotFramework.Connector;

/// <summary>
/// The connector REST API v3 over a typed <see cref="HttpClient"/>. The handlers around it add
/// the bearer token and the retries (see <see cref="ConnectorServiceCollectionExtensions"/>); this
/// class builds requests and turns answers into results: a success, an unreachable recipient
/// (403 with a blocked code), or a <see cref="ConnectorException"/> that keeps the status.
/// </summary>
internal sealed class ConnectorClient(HttpClient http, ServiceUrlPolicy serviceUrls, BotFrameworkMetrics metrics, ILogger<ConnectorClient> logger) : IConnectorClient
{
    /// <summary>Names the call on its request, for the retry log lines.</summary>
    internal static readonly HttpRequestOptionsKey<string> OperationKey = new("PeerSupportBot.ConnectorOperation");

    /// <summary>Carries the call's telemetry on its request, so the retry handler can count attempts on it.</summary>
    internal static readonly HttpRequestOptionsKey<ConnectorCallTelemetry> TelemetryKey = new("PeerSupportBot.ConnectorTelemetry");

    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    public Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync("ReplyToActivity", HttpMethod.Post, ConnectorRoutes.Activity(serviceUrl, conversationId, activityId), Body(activity), BotFrameworkJsonContext.Default.ResourceResponse, cancellationToken);

    public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync("SendToConversation", HttpMethod.Post, ConnectorRoutes.Activities(serviceUrl, conversationId), Body(activity), BotFrameworkJsonContext.Default.ResourceResponse, cancellationToken);

    public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendAsync("UpdateActivity", HttpMethod.Put, ConnectorRoutes.Activity(serviceUrl, conversationId, activityId), Body(activity), BotFrameworkJsonContext.Default.ResourceResponse, cancellationToken);

    public async Task<ConnectorResult<bool>> DeleteActivityAsync(Uri serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync<object>("DeleteActivity", HttpMethod.Delete, ConnectorRoutes.Activity(serviceUrl, conversationId, activityId), content: null, responseType: null, cancellationToken);
        return result.RecipientUnreachable ? ConnectorResult<bool>.Unreachable() : ConnectorResult<bool>.Success(true);
    }

    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var body = JsonSerializer.SerializeToUtf8Bytes(parameters, BotFrameworkJsonContext.Default.ConversationParameters);
        return SendAsync("CreateConversation", HttpMethod.Post, ConnectorRoutes.Conversations(serviceUrl), JsonContent(body), BotFrameworkJsonContext.Default.ConversationResourceResponse, cancellationToken);
    }

    public Task<ConnectorResult<TeamsChannelAccount>> GetMemberAsync(Uri serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default) =>
        SendAsync("GetMember", HttpMethod.Get, ConnectorRoutes.Member(serviceUrl, conversationId, memberId), content: null, BotFrameworkJsonContext.Default.TeamsChannelAccount, cancellationToken);

    public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(Uri serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default) =>
        SendAsync("GetPagedMembers", HttpMethod.Get, ConnectorRoutes.PagedMembers(serviceUrl, conversationId, pageSize, continuationToken), content: null, BotFrameworkJsonContext.Default.PagedMembersResult, cancellationToken);

    private static ByteArrayContent Body(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return JsonContent(JsonSerializer.SerializeToUtf8Bytes(activity, BotFrameworkJsonContext.Default.Activity));
    }

    // Buffered bytes, so a retry sends the same body again.
    private static ByteArrayContent JsonContent(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = JsonMediaType;
        return content;
    }

    private async Task<ConnectorResult<T>> SendAsync<T>(string operation, HttpMethod method, Uri uri, HttpContent? content, JsonTypeInfo<T>? responseType, CancellationToken cancellationToken)
        where T : new()
    {
        using var telemetry = ConnectorCallTelemetry.Start(metrics, operation, uri);
        if (!serviceUrls.Permits(uri))
        {
            // Not Teams, so nobody the bot can safely reach there: the caller handles it as an
            // unreachable recipient (visible to the person acting), and nothing is sent.
            Log.ConnectorServiceUrlRefused(logger, operation);
            telemetry.Answered(0, ConnectorOutcomes.Unreachable);
            return ConnectorResult<T>.Unreachable();
        }

        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Options.Set(OperationKey, operation);
        request.Options.Set(TelemetryKey, telemetry);

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException)
        {
            Log.ConnectorNoAnswer(logger, operation, exception);
            telemetry.NoAnswer(exception);
            throw new ConnectorException($"The connector gave no answer to {operation}.", exception);
        }
        catch (Exception exception) when (telemetry.Failed(exception))
        {
            throw;
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.IsSuccessStatusCode
                ? Success(operation, response.StatusCode, body, responseType, telemetry)
                : Failure<T>(operation, response.StatusCode, body, telemetry);
        }
    }

    private ConnectorResult<T> Success<T>(string operation, HttpStatusCode status, string body, JsonTypeInfo<T>? responseType, ConnectorCallTelemetry telemetry)
        where T : new()
    {
        telemetry.Answered((int)status, ConnectorOutcomes.Succeeded);
        // A delete, and some sends, answer with no body at all.
        if (responseType is null || string.IsNullOrWhiteSpace(body))
        {
            return ConnectorResult<T>.Success(new T());
        }

        try
        {
            return ConnectorResult<T>.Success(JsonSerializer.Deserialize(body, responseType) ?? new T());
        }
        catch (JsonException exception)
        {
            Log.ConnectorInvalidResponse(logger, operation, (int)status);
            telemetry.Answered((int)status, ConnectorOutcomes.InvalidResponse);
            throw new ConnectorException($"The connector's answer to {operation} was not the expected JSON.", exception);
        }
    }

    private ConnectorResult<T> Failure<T>(string operation, HttpStatusCode status, string body, ConnectorCallTelemetry telemetry)
    {
        var error = ConnectorErrorBody.Parse(body);
        if (error.MeansUnreachable(status))
        {
            var code = error.Codes.FirstOrDefault(ConnectorErrorBody.UnreachableCodes.Contains) ?? error.PrimaryCode ?? "none";
            Log.ConnectorRecipientUnreachable(logger, operation, code);
            telemetry.Answered((int)status, ConnectorOutcomes.Unreachable);
            return ConnectorResult<T>.Unreachable();
        }

        Log.ConnectorCallFailed(logger, operation, (int)status, error.PrimaryCode);
        telemetry.Answered((int)status, ConnectorOutcomes.Failed);
        throw new ConnectorException(status, error.PrimaryCode, $"The connector answered {(int)status} {error.PrimaryCode} to {operation}.");
    }
}
