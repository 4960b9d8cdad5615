using System.Globalization;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.BotFramework.Connector;
using PeerSupportBot.BotFramework.Schema;
using PeerSupportBot.Consent;
using PeerSupportBot.Localization;

namespace PeerSupportBot.Contacts;

/// <summary>
/// Proactive 1:1 messages through a person's stored contact link, in the language they used when
/// they consented. A person who blocked the bot is marked unreachable instead of failing the turn.
/// </summary>
internal sealed class Notifier(ContactStore contacts, ProfileStore profiles, IConnectorClient connector, ILogger<Notifier> logger)
{
    /// <summary>Sends the text <paramref name="compose"/> makes in the person's language; false when they cannot be reached.</summary>
    public async Task<bool> SendTextAsync(string personKey, Func<CultureInfo, string> compose, CancellationToken cancellationToken) =>
        await SendAsync(personKey, null, language => new Activity { Text = compose(language), TextFormat = "plain" }, cancellationToken) is not null;

    /// <summary>Sends a card made in the person's language; where it landed, or null when they cannot be reached.</summary>
    public Task<SentCard?> SendCardAsync(string personKey, Func<CultureInfo, AdaptiveCard> compose, CancellationToken cancellationToken, string? fallbackLocale = null) =>
        SendAsync(personKey, fallbackLocale, language => new Activity { Attachments = [compose(language).ToAttachment()] }, cancellationToken);

    /// <summary>Replaces a card sent earlier, in the person's language; false when that failed.</summary>
    public async Task<bool> UpdateCardAsync(string personKey, SentCard sent, Func<CultureInfo, AdaptiveCard> compose, CancellationToken cancellationToken)
    {
        var language = await LanguageOfAsync(personKey, null, cancellationToken);
        AdaptiveCard card;
        using (BotLanguage.Use(language))
        {
            card = compose(language);
        }

        try
        {
            var result = await connector.UpdateActivityAsync(new Uri(sent.ServiceUrl), sent.ConversationId, sent.ActivityId, new Activity
            {
                Type = ActivityTypes.Message,
                Id = sent.ActivityId,
                Conversation = new ConversationAccount { Id = sent.ConversationId },
                Attachments = [card.ToAttachment()],
            }, cancellationToken);
            return result.Succeeded;
        }
        catch (ConnectorException exception)
        {
            Log.NotificationFailed(logger, (int)exception.StatusCode);
            return false;
        }
    }

    private async Task<SentCard?> SendAsync(string personKey, string? fallbackLocale, Func<CultureInfo, Activity> compose, CancellationToken cancellationToken)
    {
        var contact = await contacts.FindAsync(personKey, cancellationToken);
        if (contact is not { ConversationId: { Length: > 0 } conversationId, Unreachable: false })
        {
            return null;
        }

        var language = await LanguageOfAsync(personKey, fallbackLocale, cancellationToken);
        Activity activity;
        using (BotLanguage.Use(language))
        {
            activity = compose(language);
        }

        activity.Type = ActivityTypes.Message;
        activity.From = new ChannelAccount { Id = contact.BotId };
        activity.Recipient = new ChannelAccount { Id = contact.UserId };
        activity.Conversation = new ConversationAccount { Id = conversationId, ConversationType = ConversationTypes.Personal, TenantId = contact.TenantId };
        activity.Locale = language.Name;
        try
        {
            var result = await connector.SendToConversationAsync(new Uri(contact.ServiceUrl), conversationId, activity, cancellationToken);
            if (result.RecipientUnreachable)
            {
                await contacts.SaveAsync(contact with { Unreachable = true }, cancellationToken);
                Log.RecipientUnreachable(logger);
                return null;
            }

            return new SentCard(contact.ServiceUrl, conversationId, result.Value?.Id ?? "");
        }
        catch (ConnectorException exception)
        {
            Log.NotificationFailed(logger, (int)exception.StatusCode);
            return null;
        }
    }

    private async Task<CultureInfo> LanguageOfAsync(string personKey, string? fallbackLocale, CancellationToken cancellationToken) =>
        BotLanguage.FromLocale((await profiles.FindAsync(personKey, cancellationToken))?.Locale ?? fallbackLocale);
}

/// <summary>Where a proactive message landed, to update it later.</summary>
internal sealed record SentCard(string ServiceUrl, string ConversationId, string ActivityId);
