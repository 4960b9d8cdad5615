using System.ComponentModel.DataAnnotations;

namespace PeerSupportBot.Outbox;

/// <summary>How proactive posts are queued and delivered (section "Outbox").</summary>
internal sealed class OutboxOptions : IValidatableObject
{
    public const string Section = "Outbox";

    /// <summary>The secret the queued text's key is derived from; required outside Development.</summary>
    public string? TextKey { get; set; }

    /// <summary>How long a message that carries text may wait in the queue before it is dropped.</summary>
    public TimeSpan TextTimeToLive { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long any other message may wait in the queue.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often the queue is read when this process enqueued nothing (messages from other instances, after a restart).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a received message stays hidden from other readers while it is delivered, and how
    /// long its claim holds: longer than one delivery can take (Connector:TotalTimeout, 2 min).
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait before a failed delivery is tried again (doubled each time, in whole seconds).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a message of a kind this version does not know (a newer one queued it) waits for an instance that does.</summary>
    public TimeSpan UnknownKindRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Deliveries of one message before it is given up and the person is marked unreachable.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    [Range(1, 32)]
    public int MaxParallelDeliveries { get; set; } = 8;

    /// <summary>Teams allows 7 posts a second into one conversation.</summary>
    [Range(1, 100)]
    public int PostsPerSecondPerConversation { get; set; } = 7;

    /// <summary>Teams allows 50 requests a second per app per tenant.</summary>
    [Range(1, 1000)]
    public int RequestsPerSecondPerTenant { get; set; } = 50;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (TextTimeToLive <= TimeSpan.Zero || TimeToLive <= TimeSpan.Zero || TextTimeToLive > TimeSpan.FromDays(7) || TimeToLive > TimeSpan.FromDays(7))
        {
            yield return new ValidationResult("Outbox:TextTimeToLive and Outbox:TimeToLive must be positive and at most 7 days.");
        }

        if (PollInterval <= TimeSpan.Zero || VisibilityTimeout < TimeSpan.FromSeconds(1) || RetryDelay < TimeSpan.Zero)
        {
            yield return new ValidationResult("Outbox:PollInterval must be positive, VisibilityTimeout at least 1 s, RetryDelay not negative.");
        }

        if (UnknownKindRetryDelay < TimeSpan.Zero || UnknownKindRetryDelay > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult("Outbox:UnknownKindRetryDelay must be between 0 and 1 hour.");
        }

        // App Service hands over the reference itself when it cannot read the vault: that is no key.
        if (TextKey?.StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase) == true)
        {
            yield return new ValidationResult("Outbox:TextKey is an unresolved Key Vault reference: give the app's identity the Key Vault Secrets User role on the vault.");
        }
        else if (TextKey is { Length: > 0 and < 32 })
        {
            yield return new ValidationResult("Outbox:TextKey must be a random secret of at least 32 characters.");
        }
    }
}
