using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.Outbox;

namespace PeerSupportBot.Tests.Teams;

public sealed class PostLimitsTests
{
    [Fact]
    public async Task An_eighth_post_into_one_conversation_waits_while_seven_are_on_their_way()
    {
        var limits = new PostLimits(Options.Create(new OutboxOptions()));
        var seven = new List<IDisposable>();
        for (var i = 0; i < 7; i++)
        {
            seven.Add(await limits.AcquireAsync("a:1", "tenant", CancellationToken.None));
        }

        var eighth = limits.AcquireAsync("a:1", "tenant", CancellationToken.None);
        var elsewhere = await limits.AcquireAsync("a:2", "tenant", CancellationToken.None);

        // Nothing can let the eighth through but an answer to one of the seven.
        Assert.False(eighth.IsCompleted);
        seven[0].Dispose();
        (await eighth).Dispose();
        elsewhere.Dispose();
        seven.Skip(1).ToList().ForEach(lease => lease.Dispose());
    }

    [Fact]
    public async Task Fifty_requests_a_second_per_tenant_hold_back_the_fifty_first_in_any_conversation()
    {
        var limits = new PostLimits(Options.Create(new OutboxOptions()));
        var fifty = new List<IDisposable>();
        for (var i = 0; i < 50; i++)
        {
            fifty.Add(await limits.AcquireAsync($"a:{i}", "tenant", CancellationToken.None));
        }

        var next = limits.AcquireAsync("a:new", "tenant", CancellationToken.None);
        var otherTenant = await limits.AcquireAsync("a:new", "other-tenant", CancellationToken.None);

        Assert.False(next.IsCompleted);
        otherTenant.Dispose();
        fifty[0].Dispose();
        (await next).Dispose();
        fifty.Skip(1).ToList().ForEach(lease => lease.Dispose());
    }

    [Fact]
    public async Task Conversations_quiet_for_a_second_are_forgotten_so_memory_does_not_grow_with_everyone_ever_written_to()
    {
        var clock = new FakeTimeProvider();
        var limits = new PostLimits(Options.Create(new OutboxOptions())) { Clock = clock };
        for (var i = 0; i < 2_000; i++)
        {
            (await limits.AcquireAsync($"a:{i}", "tenant", CancellationToken.None)).Dispose();
            clock.Advance(TimeSpan.FromMilliseconds(25));
        }

        // Only those written to within the last second are left: 40 at 25 ms apart, and the last one.
        Assert.InRange(limits.ConversationsRemembered, 1, 41);
    }

    [Fact]
    public async Task A_conversation_written_to_within_the_second_is_not_forgotten_and_its_limit_still_holds()
    {
        var clock = new FakeTimeProvider();
        var limits = new PostLimits(Options.Create(new OutboxOptions())) { Clock = clock };
        for (var i = 0; i < 7; i++)
        {
            (await limits.AcquireAsync("a:busy", "tenant", CancellationToken.None)).Dispose();
        }

        // A thousand posts elsewhere, each in a tenant of its own, make the limits forget what is quiet.
        for (var i = 0; i < 1_000; i++)
        {
            (await limits.AcquireAsync($"a:{i}", $"tenant-{i}", CancellationToken.None)).Dispose();
        }

        var eighth = limits.AcquireAsync("a:busy", "tenant", CancellationToken.None);
        Assert.False(eighth.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        (await eighth).Dispose();
    }
}
