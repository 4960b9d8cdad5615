using PeerSupportBot.Conversation;

namespace PeerSupportBot.Asking;

/// <summary>"kysy" / "ask", with or without the question after it.</summary>
internal sealed class AskCommand(AskStarter starter) : IBotCommand
{
    public Task ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        starter.StartAsync(invocation.Turn, invocation.Arguments, invocation.Language, cancellationToken);
}
