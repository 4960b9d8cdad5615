namespace PeerSupportBot.BotFramework.Tests.Authentication;

/// <summary>A fresh key set per test: one channel key endorsed for Teams and Web Chat, one Entra key.</summary>
public abstract class EndpointAuthenticationTestBase : IDisposable
{
    private protected EndpointAuthenticationTestBase()
    {
        Provider.PublishChannelKey(ChannelKey);
        Provider.PublishEntraKey(EntraKey);
    }

    private protected FakeOpenIdProvider Provider { get; } = new();

    private protected TestSigningKey ChannelKey { get; } = new("channel-key-1", "msteams", "webchat");

    private protected TestSigningKey EntraKey { get; } = new("entra-key-1");

    /// <summary>401, nothing reached the handler, and the log names the expected check.</summary>
    private protected static void AssertRefused(BotTestHost bot, int status, string expectedReason)
    {
        Assert.Equal(401, status);
        Assert.Empty(bot.Handled.Activities);
        Assert.Equal([expectedReason], bot.RefusalReasons());
    }

    private protected static void AssertAccepted(BotTestHost bot, int status)
    {
        Assert.Empty(bot.RefusalReasons()); // first, so a failure names the check that refused
        Assert.Equal(200, status);
        Assert.Single(bot.Handled.Activities);
    }

    public void Dispose()
    {
        ChannelKey.Dispose();
        EntraKey.Dispose();
        GC.SuppressFinalize(this);
    }
}
