namespace PeerSupportBot.Matching;

/// <summary>
/// Trains the topic classifier in the background as the app starts. Training on the embedded asks
/// takes most of a second before the code is warm, and would otherwise fall on the first ask after
/// a start or a deploy. Once per process: the classifier is shared by every detector.
/// </summary>
internal sealed class ClassifierWarmUp : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Task.Run(() => TrainingAsks.Classifier, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
