using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;
using PeerSupportBot.Storage;

namespace PeerSupportBot.Outbox;

/// <summary>
/// The outbox queue in Azure Queue Storage ({Storage:TablePrefix lowercased}outbox), created on
/// first use. Enqueuing wakes this process's worker at once; other processes find the message
/// when they next poll. Besides posts it holds jobs (<see cref="IOutboxJob"/>): work a turn
/// started that must finish even if the turn cannot.
/// </summary>
internal sealed class OutboxQueue(QueueServiceClient service, IOptions<StorageOptions> storage, IOptions<OutboxOptions> options, SealedText sealer) : IDisposable
{
    private readonly SemaphoreSlim _wake = new(0, 1);
    private Lazy<Task<QueueClient>>? _queue;

    public string Name => storage.Value.TablePrefix.ToLowerInvariant() + "outbox";

    /// <summary>Queues a post. <paramref name="secretText"/>, when given, travels sealed and the message lives only briefly.</summary>
    public async Task EnqueueAsync(OutboxMessage message, string? secretText, CancellationToken cancellationToken)
    {
        var queued = secretText is null ? message : message with { Sealed = sealer.Seal(secretText, message.Id) };
        var timeToLive = secretText is null ? options.Value.TimeToLive : options.Value.TextTimeToLive;
        var queue = await GetAsync(cancellationToken);
        await queue.SendMessageAsync(BinaryData.FromObjectAsJson(queued, OutboxJsonContext.Default.OutboxMessage), visibilityTimeout: TimeSpan.Zero, timeToLive: timeToLive, cancellationToken);
        Wake();
    }

    /// <summary>
    /// Queues a job (<see cref="IOutboxJob"/>) hidden for <paramref name="hiddenFor"/>: the turn
    /// does the work itself meanwhile and deletes the job when it is done. If the turn cannot
    /// finish, the worker runs the job once it shows. A job never expires, because what it must do
    /// (delete a person's data) is no less due for being late.
    /// </summary>
    public async Task<QueuedJob> EnqueueJobAsync(OutboxMessage message, TimeSpan hiddenFor, CancellationToken cancellationToken)
    {
        var queue = await GetAsync(cancellationToken);
        var receipt = await queue.SendMessageAsync(BinaryData.FromObjectAsJson(message, OutboxJsonContext.Default.OutboxMessage), visibilityTimeout: hiddenFor, timeToLive: NeverExpires, cancellationToken);
        return new QueuedJob(receipt.Value.MessageId, receipt.Value.PopReceipt);
    }

    /// <summary>The turn finished the job's work itself: nothing is left for the worker.</summary>
    public async Task DeleteAsync(QueuedJob job, CancellationToken cancellationToken)
    {
        var queue = await GetAsync(cancellationToken);
        try
        {
            await queue.DeleteMessageAsync(job.MessageId, job.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException exception) when (IsTakenOver(exception))
        {
            // Its hiding ran out and the worker runs it (again): harmless, a job is safe to repeat.
        }
    }

    /// <summary>The turn could not finish the job's work: the worker takes the job now rather than when its hiding ends.</summary>
    public async Task ShowNowAsync(QueuedJob job, CancellationToken cancellationToken)
    {
        var queue = await GetAsync(cancellationToken);
        try
        {
            await queue.UpdateMessageAsync(job.MessageId, job.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException exception) when (IsTakenOver(exception))
        {
            // Already shown, and taken by a reader.
        }

        Wake();
    }

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int maxMessages, CancellationToken cancellationToken)
    {
        var queue = await GetAsync(cancellationToken);
        var received = await queue.ReceiveMessagesAsync(maxMessages, options.Value.VisibilityTimeout, cancellationToken);
        return received.Value;
    }

    public static OutboxMessage? Read(QueueMessage message)
    {
        try
        {
            return message.Body.ToObjectFromJson(OutboxJsonContext.Default.OutboxMessage);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task DeleteAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        var queue = await GetAsync(cancellationToken);
        try
        {
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Its visibility ran out and another reader holds it now; the delivery record keeps it from going out twice.
        }
    }

    /// <summary>Makes the message visible again after <paramref name="delay"/>, for another attempt.</summary>
    public async Task RetryLaterAsync(QueueMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        var queue = await GetAsync(cancellationToken);
        try
        {
            await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: delay, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Already back in the queue for someone else.
        }
    }

    // Queue Storage's "never expires".
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);

    // The message is gone (done) or another reader holds it now (its pop receipt changed).
    private static bool IsTakenOver(RequestFailedException exception) =>
        exception.Status == 404 || exception.ErrorCode == "PopReceiptMismatch";

    /// <summary>Waits until this process enqueues something, or <paramref name="timeout"/> passes.</summary>
    public Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _wake.WaitAsync(timeout, cancellationToken);

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already awake.
        }
    }

    public void Dispose() => _wake.Dispose();

    private async Task<QueueClient> GetAsync(CancellationToken cancellationToken)
    {
        var lazy = _queue ??= new Lazy<Task<QueueClient>>(CreateAsync);
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted)
        {
            // Storage was away: try creating it again next time rather than remembering the failure.
            Interlocked.CompareExchange(ref _queue, null, lazy);
            throw;
        }
    }

    private async Task<QueueClient> CreateAsync()
    {
        var queue = service.GetQueueClient(Name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }
}
