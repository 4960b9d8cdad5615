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
/// the SDK's retries. Each request before it goes through to Azurite. It also keeps every body
/// sent to storage (entities, batches and queue messages as they went), from turns or not.
/// </summary>
public sealed class FailingStorage
{
    private static readonly AsyncLocal<bool> InTurn = new();

    private readonly object _gate = new();
    private readonly List<string> _bodies = [];
    private int _failAt;
    private int _seen;
    private string? _failOutsideTurnsTo;
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
            (_failAt, _seen, Failed) = (n, 0, false);
        }
    }

    /// <summary>Fails the next request made outside a turn (by the outbox worker, say) whose URI holds <paramref name="uriPart"/>.</summary>
    public void FailNextOutsideTurnsTo(string uriPart)
    {
        lock (_gate)
        {
            (_failOutsideTurnsTo, Failed) = (uriPart, false);
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
            _failAt = 0;
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

    private bool ShouldFail(HttpMessage message)
    {
        if (!InTurn.Value)
        {
            lock (_gate)
            {
                if (_failOutsideTurnsTo is { } part && message.Request.Uri.ToString().Contains(part, StringComparison.Ordinal))
                {
                    (_failOutsideTurnsTo, Failed) = (null, true);
                    return true;
                }
            }

            return false;
        }

        lock (_gate)
        {
            _seen++;
            if (_failAt > 0 && _seen == _failAt)
            {
                Failed = true;
                return true;
            }

            return false;
        }
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
            Fail(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Fail(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void Fail(HttpMessage message)
        {
            owner.Keep(message);
            if (owner.ShouldFail(message))
            {
                throw new RequestFailedException(503, $"Injected storage failure ({message.Request.Method}).");
            }
        }
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
