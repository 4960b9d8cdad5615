using PeerSupportBot.BotFramework.Connector;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.BotFramework.Hosting;

/// <summary>One incoming activity and the means to answer it.</summary>
public sealed class TurnContext
{
    /// <summary>Creates a turn for an authenticated activity.</summary>
    public TurnContext(Activity activity, IConnectorClient connector)
    {
        ArgumentNullException.ThrowIfNull(activity);
        Activity = activity;
        Connector = connector;
    }

    /// <summary>The incoming activity.</summary>
    public Activity Activity { get; }

    /// <summary>The connector, for anything beyond answering in this conversation.</summary>
    public IConnectorClient Connector { get; }

    /// <summary>The service URL of the activity, where answers go.</summary>
    public Uri ServiceUrl => new(Activity.ServiceUrl ?? throw new InvalidOperationException("The activity has no serviceUrl."));

    /// <summary>Sends an activity into this conversation, filling in the addressing fields.</summary>
    public Task<ConnectorResult<ResourceResponse>> SendAsync(Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var reply = Activity.CreateReply();
        activity.Type ??= reply.Type;
        activity.ChannelId ??= reply.ChannelId;
        activity.ServiceUrl ??= reply.ServiceUrl;
        activity.From ??= reply.From;
        activity.Recipient ??= reply.Recipient;
        activity.Conversation ??= reply.Conversation;
        activity.ReplyToId ??= reply.ReplyToId;
        activity.Locale ??= reply.Locale;
        var conversationId = Activity.Conversation?.Id ?? throw new InvalidOperationException("The activity has no conversation.");
        return Connector.SendToConversationAsync(ServiceUrl, conversationId, activity, cancellationToken);
    }

    /// <summary>Sends a plain text message into this conversation.</summary>
    public Task<ConnectorResult<ResourceResponse>> SendTextAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync(new Activity { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" }, cancellationToken);

    /// <summary>Sends one attachment, typically an Adaptive Card, into this conversation.</summary>
    public Task<ConnectorResult<ResourceResponse>> SendAttachmentAsync(Attachment attachment, string? summary = null, CancellationToken cancellationToken = default) =>
        SendAsync(new Activity { Type = ActivityTypes.Message, Attachments = [attachment], Summary = summary }, cancellationToken);
}
