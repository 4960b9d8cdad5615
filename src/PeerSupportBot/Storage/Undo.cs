namespace PeerSupportBot.Storage;

/// <summary>
/// What a change across several tables has written so far, to take back if a later step fails:
/// Table Storage has no transaction across tables or partitions, so a join that cannot finish
/// removes what it wrote, and the person, told to try again, finds nothing half-done. Taking
/// back is best effort and briefly bounded: with storage gone it fails too, and what remains is
/// what a retry completes.
/// </summary>
internal sealed class Undo
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    private readonly Stack<Func<CancellationToken, Task>> _steps = new();

    /// <summary>Remembers how to take back the write that just succeeded.</summary>
    public void Add(Func<CancellationToken, Task> step) => _steps.Push(step);

    /// <summary>Takes back every remembered write, newest first, whatever the turn's own token says.</summary>
    public async Task RunAsync()
    {
        using var patience = new CancellationTokenSource(Patience);
        while (_steps.TryPop(out var step))
        {
            try
            {
                await step(patience.Token);
            }
            catch (Exception exception) when (exception is Azure.RequestFailedException or OperationCanceledException or TimeoutException or HttpRequestException)
            {
                // Storage is away: the rest stays for the retry to complete.
                return;
            }
        }
    }
}
