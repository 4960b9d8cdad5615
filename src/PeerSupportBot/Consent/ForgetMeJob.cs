using PeerSupportBot.Outbox;

namespace PeerSupportBot.Consent;

/// <summary>
/// The outbox's half of forget-me: what the press could not finish, the worker does, by running
/// every step again (<see cref="ForgetMe"/> is safe to repeat). The message holds the person's
/// key only, as every outbox message names its recipient: no name, no UPN, no text.
/// </summary>
internal sealed class ForgetMeJob(ForgetMe forgetMe) : IOutboxJob
{
    public const string Kind = "forget-me";

    /// <summary>The same id for the same person: pressed twice, the two jobs are one effect.</summary>
    public static OutboxMessage For(string personKey) =>
        new(OutboxMessage.IdFor(Kind, null, personKey), Kind, personKey);

    public Task RunAsync(OutboxMessage message, CancellationToken cancellationToken) =>
        forgetMe.ForgetAsync(message.RecipientKey, cancellationToken);
}
