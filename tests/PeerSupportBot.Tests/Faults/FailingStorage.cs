using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PeerSupportBot.Storage;
using PeerSupportBot.Tests.Infrastructure;

namespace PeerSupportBot.Tests.Faults;

/// <summary>
/// Storage that fails on cue: armed with N, the Nth table or queue request made inside a turn
/// (not by the outbox worker or the test) fails as storage that stopped answering would, after
/// the SDK's retries. Each request before it goes through to Azurite. It can also fail the first
/// turn request of a kind, or the outbox worker's next few of a kind. It keeps every body sent to
/// storage (entities, batches and queue messages as they went), from turns or not, and what each
/// turn request was ("DELETE /account/table(...)").
/// </summary>
public sealed class FailingStorage
{
    private static readonly AsyncLocal<bool> InTurn = new();

    private readonly object _gate = new();
    private readonly List<string> _bodies = [];
    private readonly List<string> _requests = [];
    private int _failAt;
    private Func<string, bool>? _failFirst;
    private bool _hang;
    private int _seen;
    private int _backgroundFailures;
    private Func<string, bool>? _failInBackground;
    private string? _loseResponseOutsideTurnsTo;

    /// <summary>True once the armed request was failed.</summary>
    public bool Failed { get; private set; }

    /// <summary>How many storage requests the turns made since the last <see cref="ArmAt"/>.</summary>
    public int Seen
    {
        get
        {
            lock (_gate)
            {
                return _seen;
            }
        }
    }

    /// <summary>The turn requests since the last <see cref="ArmAt"/>, each as its method and path, in order.</summary>
    public IReadOnlyList<string> SeenRequests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The request that was failed (method and path), or null.</summary>
    public string? FailedRequest { get; private set; }

    /// <summary>Every request body sent to table or queue storage so far, as text.</summary>
    public IReadOnlyList<string> Bodies
    {
        get
        {
            lock (_gate)
            {
                return [.. _bodies];
            }
        }
    }

    /// <summary>Fails the <paramref name="n"/>th storage request of the turns from now on (0: none, only counts).</summary>
    public void ArmAt(int n)
    {
        lock (_gate)
        {
            (_failAt, _failFirst, _hang, _seen, Failed, FailedRequest) = (n, null, false, 0, false, null);
            _requests.Clear();
        }
    }

    /// <summary>
    /// Fails the first storage request of the turns from now on that <paramref name="request"/>
    /// picks (by method and path); with <paramref name="hang"/>, that request never answers and
    /// only the turn's own time limit ends it, as with storage that accepts and never replies.
    /// </summary>
    public void ArmAtFirst(Func<string, bool> request, bool hang = false)
    {
        ArmAt(0);
        lock (_gate)
        {
            (_failFirst, _hang) = (request, hang);
        }
    }

    /// <summary>Fails the next <paramref name="times"/> requests made outside turns (the outbox worker's) that <paramref name="request"/> picks.</summary>
    public void FailInBackground(int times, Func<string, bool> request)
    {
        lock (_gate)
        {
            (_backgroundFailures, _failInBackground) = (times, request);
        }
    }

    /// <summary>How many of the failures asked for with <see cref="FailInBackground"/> have not happened yet.</summary>
    public int BackgroundFailuresLeft
    {
        get
        {
            lock (_gate)
            {
                return _backgroundFailures;
            }
        }
    }

    /// <summary>
    /// Lets the next write outside a turn whose URI holds <paramref name="uriPart"/> reach storage,
    /// then loses its answer, as a timeout on a loaded machine does: the SDK sends it again.
    /// </summary>
    public void LoseNextResponseOutsideTurnsTo(string uriPart)
    {
        lock (_gate)
        {
            (_loseResponseOutsideTurnsTo, Failed) = (uriPart, false);
        }
    }

    /// <summary>Lets every request through from now on; <see cref="Failed"/> still says what happened.</summary>
    public void Disarm()
    {
        lock (_gate)
        {
            (_failAt, _failFirst) = (0, null);
        }
    }

    /// <summary>Puts table and queue clients with this policy in the app, and marks each turn's requests.</summary>
    public void Install(IServiceCollection services)
    {
        services.AddTransient<IStartupFilter>(_ => new TurnMarker());
        services.AddSingleton(provider =>
        {
            var options = new TableClientOptions().Bounded(provider.GetRequiredService<IOptions<StorageOptions>>().Value);
            options.AddPolicy(new Policy(this), HttpPipelinePosition.PerCall);
            options.AddPolicy(new LostResponsePolicy(this), HttpPipelinePosition.PerRetry);
            return new TableServiceClient(Azurite.ConnectionString, options);
        });
        services.AddSingleton(provider =>
        {
            var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }.Bounded(provider.GetRequiredService<IOptions<StorageOptions>>().Value);
            options.AddPolicy(new Policy(this), HttpPipelinePosition.PerCall);
            return new QueueServiceClient(Azurite.ConnectionString, options);
        });
    }

    private void Keep(HttpMessage message)
    {
        if (message.Request.Content is not { } content)
        {
            return;
        }

        using var buffer = new MemoryStream();
        content.WriteTo(buffer, CancellationToken.None);
        lock (_gate)
        {
            _bodies.Add(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
    }

    private Fault FaultFor(HttpMessage message)
    {
        var request = $"{message.Request.Method} {message.Request.Uri.Path}";
        lock (_gate)
        {
            if (!InTurn.Value)
            {
                if (_backgroundFailures > 0 && _failInBackground?.Invoke(request) == true)
                {
                    _backgroundFailures--;
                    return Fault.Fail;
                }

                return Fault.None;
            }

            _seen++;
            _requests.Add(request);
            if ((_failAt > 0 && _seen == _failAt) || (_failFirst?.Invoke(request) == true && !Failed))
            {
                (Failed, FailedRequest) = (true, request);
                return _hang ? Fault.Hang : Fault.Fail;
            }

            return Fault.None;
        }
    }

    private enum Fault
    {
        None,
        Fail,
        Hang,
    }

    private bool ShouldLoseResponse(HttpMessage message)
    {
        if (InTurn.Value || message.Request.Method == RequestMethod.Get)
        {
            return false;
        }

        lock (_gate)
        {
            if (_loseResponseOutsideTurnsTo is { } part && message.Request.Uri.ToString().Contains(part, StringComparison.Ordinal))
            {
                (_loseResponseOutsideTurnsTo, Failed) = (null, true);
                return true;
            }

            return false;
        }
    }

    private sealed class LostResponsePolicy(FailingStorage owner) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ProcessNext(message, pipeline);
            if (owner.ShouldLoseResponse(message))
            {
                throw new IOException("Injected lost response: the write reached storage.");
            }
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            await ProcessNextAsync(message, pipeline);
            if (owner.ShouldLoseResponse(message))
            {
                throw new IOException("Injected lost response: the write reached storage.");
            }
        }
    }

    private sealed class Policy(FailingStorage owner) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            owner.Keep(message);
            if (owner.FaultFor(message) != Fault.None)
            {
                throw Injected(message);
            }

            ProcessNext(message, pipeline);
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            owner.Keep(message);
            switch (owner.FaultFor(message))
            {
                case Fault.Hang:
                    // Until whoever made the request gives up on it.
                    await Task.Delay(Timeout.Infinite, message.CancellationToken);
                    break;
                case Fault.Fail:
                    throw Injected(message);
            }

            await ProcessNextAsync(message, pipeline);
        }

        private static RequestFailedException Injected(HttpMessage message) =>
            new(503, $"Injected storage failure ({message.Request.Method}).");
    }

    /// <summary>Marks what runs inside an HTTP request to the bot, so only turns' storage requests count.</summary>
    private sealed class TurnMarker : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                InTurn.Value = true;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
