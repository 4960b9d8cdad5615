using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.Tests.Infrastructure;

/// <summary>Activities shaped as real Teams sends them: 28:/29: account ids, a:/19: conversation ids.</summary>
public static class TeamsActivities
{
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:00000000-0000-0000-0000-00000000b07a";
    public const string UserId = "29:1kDq8Wl0-personal-user-id";
    public const string UserObjectId = "6f1c0f2e-8d5e-4a53-9b1f-2f7c1b0c9a11";

    public static Activity Message(Uri serviceUrl, string text, string locale = "fi-FI", string conversationType = ConversationTypes.Personal)
    {
        var activity = Base(serviceUrl, ActivityTypes.Message, locale, conversationType);
        activity.Text = text;
        activity.TextFormat = "plain";
        return activity;
    }

    public static Activity InstallationUpdate(Uri serviceUrl, string action = InstallationActions.Add, string locale = "fi-FI", string conversationType = ConversationTypes.Personal)
    {
        var activity = Base(serviceUrl, ActivityTypes.InstallationUpdate, locale, conversationType);
        activity.Action = action;
        return activity;
    }

    public static Activity BotAdded(Uri serviceUrl, string locale = "fi-FI", string conversationType = ConversationTypes.GroupChat)
    {
        var activity = Base(serviceUrl, ActivityTypes.ConversationUpdate, locale, conversationType);
        activity.MembersAdded = [new ChannelAccount { Id = BotId }];
        return activity;
    }

    public static Activity Base(Uri serviceUrl, string type, string locale, string conversationType)
    {
        var conversationId = conversationType switch
        {
            ConversationTypes.Personal => "a:1" + Guid.NewGuid().ToString("N"),
            ConversationTypes.Channel => "19:" + Guid.NewGuid().ToString("N") + "@thread.tacv2",
            _ => "19:" + Guid.NewGuid().ToString("N") + "@thread.v2",
        };
        return new Activity
        {
            Type = type,
            Id = "1" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999),
            Timestamp = DateTimeOffset.UtcNow,
            ServiceUrl = serviceUrl.ToString(),
            ChannelId = Channels.MsTeams,
            From = new ChannelAccount { Id = UserId, Name = "Aino Esihenkilö", AadObjectId = UserObjectId },
            Recipient = new ChannelAccount { Id = BotId, Name = "PeerSupportBot" },
            Conversation = new ConversationAccount
            {
                Id = conversationId,
                ConversationType = conversationType,
                IsGroup = conversationType != ConversationTypes.Personal,
                TenantId = TenantId,
            },
            Locale = locale,
            ChannelData = System.Text.Json.JsonSerializer.SerializeToElement(
                new TeamsChannelData { Tenant = new TenantInfo { Id = TenantId } },
                BotFrameworkJsonContext.Default.TeamsChannelData),
        };
    }
}
