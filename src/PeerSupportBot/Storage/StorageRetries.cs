using Azure.Core;

namespace PeerSupportBot.Storage;

/// <summary>
/// The Azure SDK's defaults (3 retries, 100 s per request, up to a minute of backoff) let one
/// call to frozen storage hold a turn for minutes while the person hears nothing. These bound
/// each call to a few seconds: a request times out after Storage:NetworkTimeout and is retried
/// Storage:MaxRetries times with a short backoff, so a call to storage that is down fails in about
/// (retries + 1) × timeout + 1 s, and the turn's safety net tells the person to try again.
/// </summary>
internal static class StorageRetries
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(1);

    public static T Bounded<T>(this T options, StorageOptions storage)
        where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = storage.MaxRetries;
        options.Retry.Delay = FirstDelay;
        options.Retry.MaxDelay = LongestDelay;
        options.Retry.NetworkTimeout = storage.NetworkTimeout;
        return options;
    }
}
