using System.ComponentModel.DataAnnotations;

namespace PeerSupportBot.Storage;

/// <summary>
/// Where the tables live: a connection string (Azurite locally), or a table endpoint reached with
/// the app's managed identity in Azure, so no storage secret sits in app settings.
/// </summary>
internal sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>The Azurite default, so a fresh clone runs with no settings at all.</summary>
    public const string DevelopmentConnectionString = "UseDevelopmentStorage=true";

    public string? ConnectionString { get; set; }

    public Uri? TableEndpoint { get; set; }

    /// <summary>The queue endpoint for the outbox, with managed identity; by default the table endpoint's account.</summary>
    public Uri? QueueEndpoint { get; set; }

    /// <summary>The client id of a user-assigned managed identity; falls back to MicrosoftAppId.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prepended to every table name, so several environments can share one account.</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{0,20}$|^$")]
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>
    /// How long one storage request may take before it is abandoned (and retried). Short, so a
    /// turn that cannot reach storage says so while Teams still waits for its answer.
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(2.5);

    /// <summary>Retries of a failed or timed-out storage request, after the first try.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString) && TableEndpoint is not null)
        {
            yield return new ValidationResult("Set Storage:ConnectionString or Storage:TableEndpoint, not both.");
        }

        if (NetworkTimeout < TimeSpan.FromMilliseconds(100) || NetworkTimeout > TimeSpan.FromMinutes(1))
        {
            yield return new ValidationResult("Storage:NetworkTimeout must be between 100 ms and 1 minute.");
        }

        if (TableEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("Storage:TableEndpoint must be an absolute https URI.");
        }

        if (QueueEndpoint is { } queues && (TableEndpoint is null || !queues.IsAbsoluteUri || queues.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("Storage:QueueEndpoint must be an absolute https URI, set together with Storage:TableEndpoint.");
        }
    }
}
