using Azure;
using System.Net;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using PeerSupportBot.BotFramework.Connector;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Consent;
using PeerSupportBot.Contacts;
using PeerSupportBot.Localization;

namespace PeerSupportBot.Outbox;

/// <summary>
/// Delivers one queued post, once: claim it (ETag-conditional), compose it from storage in the
/// recipient's language, keep Teams' rate limits, post, record the posted activity id, and only
/// then delete the queue message. A person Teams will not let the bot reach is marked
/// unreachable at the first such answer; a post that keeps failing is given up after
/// Outbox:MaxAttempts deliveries, and the person is marked unreachable too. A message whose kind
/// is a job (<see cref="IOutboxJob"/>) is run instead, until it succeeds.
/// </summary>
internal sealed class OutboxDelivery(
    OutboxQueue queue,
    DeliveryRecords records,
    SealedText sealer,
    PostLimits limits,
    ContactStore contacts,
    ProfileStore profiles,
    IConnectorClient connector,
    IServiceProvider services,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDelivery> logger)
{
    private static readonly TimeSpan HeldClaimPause = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan PostRetryAtMost = TimeSpan.FromHours(1);

    // A job that keeps failing is tried at least this often: once storage answers again, the
    // work is done within minutes; a job that fails for good costs a few requests each time.
    private static readonly TimeSpan JobRetryAtMost = TimeSpan.FromMinutes(5);

    public async Task DeliverAsync(QueueMessage queued, CancellationToken cancellationToken)
    {
        var read = OutboxQueue.Read(queued);
        if (read is not null && services.GetKeyedService<IOutboxJob>(read.Kind) is { } job)
        {
            await RunJobAsync(queued, read, job, cancellationToken);
            return;
        }

        if (read is not { } message)
        {
            Log.OutboxMessageUnreadable(logger);
            await queue.DeleteAsync(queued, cancellationToken);
            return;
        }

        if (services.GetKeyedService<IOutboxComposer>(message.Kind) is not { } composer)
        {
            // Queued by a newer version of the bot: a rolling deployment runs both for a while, and
            // a job (a forget-me) or a post dropped here would be lost. An instance that knows the
            // kind takes it; its time to live, as for any message, ends it otherwise.
            Log.OutboxKindUnknown(logger, message.Kind);
            await queue.RetryLaterAsync(queued, options.Value.UnknownKindRetryDelay, cancellationToken);
            return;
        }

        DeliveryClaim? claim = null;
        if (composer.KeepsItsOwnRecord)
        {
            // Its one copy was queued with the change that caused it, and its composer keeps where
            // it went on its own row: no claim and no outcome to write.
            if (await composer.AlreadySentAsync(message, cancellationToken) is { } earlier)
            {
                Log.OutboxAlreadyDelivered(logger, message.Kind);
                await FinishAsync(queued, message, composer, DeliveryStatus.Sent, earlier, cancellationToken);
                return;
            }
        }
        else
        {
            claim = await records.TryClaimAsync(message, options.Value.VisibilityTimeout, cancellationToken);
            if (claim is null)
            {
                // Another instance is posting it right now (this is a second copy of the message, or the
                // other's lease has not run out). Look again shortly: by then the post is recorded and this
                // copy goes, rather than staying invisible for the whole visibility timeout.
                await queue.RetryLaterAsync(queued, HeldClaimPause, cancellationToken);
                return;
            }

            if (claim.AlreadyDone)
            {
                // Posted (or given up) before, yet this copy is still here: what follows the post may not
                // have finished, storage failing between it and the delete. Each follow-up is idempotent, so
                // it runs again; a second copy of the same effect changes nothing.
                Log.OutboxAlreadyDelivered(logger, message.Kind);
                var sent = claim.Status == DeliveryStatus.Sent ? await WhereSentAsync(message, claim.ActivityId, cancellationToken) : null;
                await FinishAsync(queued, message, composer, claim.Status, sent, cancellationToken);
                return;
            }
        }

        var posted = false;
        try
        {
            var unsealed = message.Sealed is { } sealedText ? sealer.TryUnseal(sealedText, message.Id) : null;
            if (message.Sealed is not null && unsealed is null)
            {
                Log.OutboxTextUnreadable(logger, message.Kind);
            }

            var post = await composer.ComposeAsync(message, unsealed, cancellationToken);
            if (post is null)
            {
                await RecordAsync(claim, DeliveryStatus.NothingToSend, null, cancellationToken);
                await queue.DeleteAsync(queued, cancellationToken);
                return;
            }

            var outcome = await PostAsync(message, post, queued.DequeueCount, cancellationToken);
            posted = outcome is PostOutcome.Sent;
            switch (outcome)
            {
                case PostOutcome.Sent sent:
                    if (await RecordAsync(claim, DeliveryStatus.Sent, sent.Card.ActivityId, cancellationToken))
                    {
                        await FinishAsync(queued, message, composer, DeliveryStatus.Sent, sent.Card, cancellationToken);
                    }
                    else
                    {
                        await queue.DeleteAsync(queued, cancellationToken);
                    }

                    break;
                case PostOutcome.Undeliverable:
                    Log.OutboxUndeliverable(logger, message.Kind);
                    await contacts.MarkUnreachableAsync(message.RecipientKey, time.GetUtcNow(), cancellationToken);
                    if (await RecordAsync(claim, DeliveryStatus.Undeliverable, null, cancellationToken))
                    {
                        await FinishAsync(queued, message, composer, DeliveryStatus.Undeliverable, null, cancellationToken);
                    }
                    else
                    {
                        await queue.DeleteAsync(queued, cancellationToken);
                    }

                    break;
                case PostOutcome.TryAgain:
                    if (claim is not null)
                    {
                        await records.ReleaseAsync(claim, cancellationToken);
                    }

                    await queue.RetryLaterAsync(queued, Backoff(queued.DequeueCount, PostRetryAtMost), cancellationToken);
                    break;
            }
        }
        catch (Exception) when (!posted && !cancellationToken.IsCancellationRequested)
        {
            // Storage or Teams failed before anything was posted (a timeout on a loaded machine, say):
            // the claim goes back and the message returns after its backoff, not after the whole
            // visibility timeout. Best effort: when storage is gone too, the timeout still brings it back.
            await GiveBackAsync(queued, claim);
            throw;
        }
    }

    /// <summary>
    /// Where an earlier delivery posted: the card it replaced, or the recipient's 1:1 chat. The record
    /// keeps only the activity id, so no table outside the person's own rows holds their chat.
    /// </summary>
    private async Task<SentCard?> WhereSentAsync(OutboxMessage message, string? activityId, CancellationToken cancellationToken)
    {
        if (message.Replaces is { } replaced)
        {
            return new SentCard(replaced.ServiceUrl, replaced.ConversationId, replaced.ActivityId);
        }

        return activityId is { Length: > 0 } && await contacts.FindAsync(message.RecipientKey, cancellationToken) is { ConversationId: { } conversationId } contact
            ? new SentCard(contact.ServiceUrl, conversationId, activityId)
            : null;
    }

    /// <summary>
    /// What follows a recorded outcome: where the card is, the helper's count, closing a card that came
    /// too late, or what a person out of reach means for the request. Only once it is done is the message
    /// deleted; if storage fails it, the message comes back after its backoff and only this part runs again.
    /// </summary>
    private async Task FinishAsync(QueueMessage queued, OutboxMessage message, IOutboxComposer composer, string status, SentCard? sent, CancellationToken cancellationToken)
    {
        try
        {
            switch (status)
            {
                case DeliveryStatus.Sent when sent is not null:
                    await composer.DeliveredAsync(message, sent, cancellationToken);
                    break;
                case DeliveryStatus.Undeliverable:
                    await composer.UndeliverableAsync(message, cancellationToken);
                    break;
            }
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var delay = Backoff(queued.DequeueCount, JobRetryAtMost);
            Log.OutboxFollowUpFailed(logger, message.Kind, exception.GetType().Name, queued.DequeueCount, delay);
            await queue.RetryLaterAsync(queued, delay, cancellationToken);
            return;
        }

        await queue.DeleteAsync(queued, cancellationToken);
    }

    /// <summary>Records the outcome on the claim; false when the claim was lost meanwhile. A kind that keeps its own record has nothing to write here.</summary>
    private async Task<bool> RecordAsync(DeliveryClaim? claim, string status, string? activityId, CancellationToken cancellationToken) =>
        claim is null || await records.CompleteAsync(claim, status, activityId, cancellationToken);

    private async Task GiveBackAsync(QueueMessage queued, DeliveryClaim? claim)
    {
        try
        {
            if (claim is not null)
            {
                await records.ReleaseAsync(claim, CancellationToken.None);
            }

            await queue.RetryLaterAsync(queued, Backoff(queued.DequeueCount, PostRetryAtMost), CancellationToken.None);
        }
        catch (Exception exception) when (exception is RequestFailedException or TimeoutException or OperationCanceledException or HttpRequestException)
        {
            Log.OutboxGiveBackFailed(logger, exception.GetType().Name);
        }
    }

    // No claim record: a job is safe to repeat, so two instances running it at once (its
    // visibility ran out mid-run) do the same work twice, no harm done. It is tried again until
    // it succeeds, never given up: its backoff is bounded instead, so it finishes soon after
    // storage answers again.
    private async Task RunJobAsync(QueueMessage queued, OutboxMessage message, IOutboxJob job, CancellationToken cancellationToken)
    {
        try
        {
            await job.RunAsync(message, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var delay = Backoff(queued.DequeueCount, JobRetryAtMost);
            Log.OutboxJobFailed(logger, message.Kind, exception.GetType().Name, queued.DequeueCount, delay);
            await queue.RetryLaterAsync(queued, delay, cancellationToken);
            return;
        }

        Log.OutboxJobDone(logger, message.Kind, queued.DequeueCount);
        await queue.DeleteAsync(queued, cancellationToken);
    }

    private async Task<PostOutcome> PostAsync(OutboxMessage message, OutboxPost post, long deliveries, CancellationToken cancellationToken)
    {
        var contact = await contacts.FindAsync(message.RecipientKey, cancellationToken);
        var target = message.Replaces ?? (contact is { IsReachable: true }
            ? new CardLocation(contact.ServiceUrl, contact.ConversationId!, "")
            : null);
        if (target is null)
        {
            return new PostOutcome.Undeliverable();
        }

        var language = BotLanguage.FromLocale((await profiles.FindAsync(message.RecipientKey, cancellationToken))?.Locale ?? post.FallbackLocale);
        Activity activity;
        using (BotLanguage.Use(language))
        {
            activity = post.Compose();
        }

        activity.Type = ActivityTypes.Message;
        activity.Locale = language.Name;
        activity.From ??= contact is null ? null : new ChannelAccount { Id = contact.BotId };
        activity.Recipient ??= contact is null ? null : new ChannelAccount { Id = contact.UserId };
        activity.Conversation = new ConversationAccount { Id = target.ConversationId, ConversationType = ConversationTypes.Personal, TenantId = contact?.TenantId };

        using var place = await limits.AcquireAsync(target.ConversationId, contact?.TenantId, cancellationToken);
        try
        {
            var serviceUrl = new Uri(target.ServiceUrl);
            ConnectorResult<ResourceResponse> result;
            if (message.Replaces is { } replaced)
            {
                activity.Id = replaced.ActivityId;
                result = await connector.UpdateActivityAsync(serviceUrl, replaced.ConversationId, replaced.ActivityId, activity, cancellationToken);
            }
            else
            {
                result = await connector.SendToConversationAsync(serviceUrl, target.ConversationId, activity, cancellationToken);
            }

            return result.RecipientUnreachable
                ? new PostOutcome.Undeliverable()
                : new PostOutcome.Sent(new SentCard(target.ServiceUrl, target.ConversationId, message.Replaces?.ActivityId ?? result.Value?.Id ?? ""));
        }
        catch (Exception exception) when (exception is ConnectorException or HttpRequestException or TimeoutException or UriFormatException)
        {
            var status = exception is ConnectorException { StatusCode: var code } ? (int)code : 0;
            Log.OutboxAttemptFailed(logger, message.Kind, status, deliveries);
            // A 4xx other than throttling will answer the same again; anything else may pass later.
            var final = status is >= 400 and < 500 && status is not ((int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.PreconditionFailed);
            return final || deliveries >= options.Value.MaxAttempts ? new PostOutcome.Undeliverable() : new PostOutcome.TryAgain();
        }
    }

    private TimeSpan Backoff(long deliveries, TimeSpan atMost) => Backoff(options.Value.RetryDelay, deliveries, atMost);

    /// <summary>The wait before the next attempt: <paramref name="first"/>, doubled each time, in whole seconds, at most <paramref name="atMost"/>.</summary>
    internal static TimeSpan Backoff(TimeSpan first, long deliveries, TimeSpan atMost)
    {
        var seconds = first.TotalSeconds * Math.Pow(2, Math.Max(0, deliveries - 1));
        return TimeSpan.FromSeconds(Math.Min(Math.Ceiling(seconds), atMost.TotalSeconds));
    }

    private abstract record PostOutcome
    {
        public sealed record Sent(SentCard Card) : PostOutcome;

        public sealed record Undeliverable : PostOutcome;

        public sealed record TryAgain : PostOutcome;
    }
}
