using PeerSupportBot.Conversation;

namespace PeerSupportBot.Welcome;

/// <summary>"ohje" / "help": the welcome card again, in the language of the word used.</summary>
internal sealed class HelpCommand(WelcomeHandler welcome) : IBotCommand
{
    public Task ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken) =>
        welcome.SendAsync(invocation.Turn, cancellationToken);
}
