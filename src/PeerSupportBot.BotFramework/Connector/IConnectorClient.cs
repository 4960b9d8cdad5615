using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Connector;

/// <summary>
/// The Bot Framework connector REST API v3, addressed at the service URL an activity came from.
/// Failures other than an unreachable recipient throw <see cref="ConnectorException"/>.
/// </summary>
public interface IConnectorClient
{
    /// <summary>POST /v3/conversations/{conversationId}/activities/{activityId}.</summary>
    Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>POST /v3/conversations/{conversationId}/activities.</summary>
    Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(Uri serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>PUT /v3/conversations/{conversationId}/activities/{activityId}.</summary>
    Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(Uri serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default);

    /// <summary>DELETE /v3/conversations/{conversationId}/activities/{activityId}.</summary>
    Task<ConnectorResult<bool>> DeleteActivityAsync(Uri serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default);

    /// <summary>POST /v3/conversations: opens (or finds) a 1:1 conversation for proactive messages.</summary>
    Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(Uri serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default);

    /// <summary>GET /v3/conversations/{conversationId}/members/{memberId}.</summary>
    Task<ConnectorResult<TeamsChannelAccount>> GetMemberAsync(Uri serviceUrl, string conversationId, string memberId, CancellationToken cancellationToken = default);

    /// <summary>GET /v3/conversations/{conversationId}/pagedmembers.</summary>
    Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(Uri serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default);
}
