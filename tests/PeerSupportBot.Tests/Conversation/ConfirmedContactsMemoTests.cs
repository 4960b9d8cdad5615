using Microsoft.Extensions.Time.Testing;
using PeerSupportBot.Contacts;

namespace PeerSupportBot.Tests.Conversation;

/// <summary>The rules of the memo of confirmed contact links, without storage.</summary>
public sealed class ConfirmedContactsMemoTests
{
    private static readonly ActivityLink Chat = new("https://smba.example/emea/", "tenant", "28:bot", "29:person", "a:chat");

    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void A_confirmation_that_raced_a_write_of_the_same_person_is_dropped()
    {
        var memo = new ConfirmedContacts(_clock);
        var beforeTheRead = memo.Observe("person");
        memo.Forget("person");

        memo.Confirm("person", Chat, beforeTheRead);

        Assert.False(memo.IsConfirmed("person", Chat));
    }

    [Fact]
    public void A_write_confirms_only_against_its_own_forgetting()
    {
        var memo = new ConfirmedContacts(_clock);
        var first = memo.Forget("person");
        memo.Forget("person");

        memo.Confirm("person", Chat, first);

        Assert.False(memo.IsConfirmed("person", Chat));
    }

    [Fact]
    public void Only_the_same_chat_and_only_within_the_hour_counts_as_confirmed()
    {
        var memo = new ConfirmedContacts(_clock);
        memo.Confirm("person", Chat, memo.Observe("person"));

        Assert.True(memo.IsConfirmed("person", Chat));
        Assert.False(memo.IsConfirmed("person", Chat with { ConversationId = "a:other" }));
        Assert.False(memo.IsConfirmed("someone else", Chat));
        _clock.Advance(ConfirmedContacts.TimeToLive);
        Assert.False(memo.IsConfirmed("person", Chat));
    }
}
