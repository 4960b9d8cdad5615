using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.Tests.Infrastructure;

/// <summary>Where a test's Teams-shaped activities go: the bot in memory, or a bot process of its own.</summary>
public interface IBotEndpoint
{
    /// <summary>POSTs the activity to /api/messages and answers what the bot answered.</summary>
    Task<HttpResponseMessage> PostActivityAsync(Activity activity, CancellationToken cancellationToken = default);
}
