using System.Globalization;
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
    public async Task<bool> SendTextAsync(string personKey, Func<CultureInfo, string> compose, CancellationToken cancellationToken)
    {
        var contact = await contacts.FindAsync(personKey, cancellationToken);
        if (contact is not { ConversationId: { Length: > 0 } conversationId, Unreachable: false })
        {
            return false;
        }

        var profile = await profiles.FindAsync(personKey, cancellationToken);
        var language = BotLanguage.FromLocale(profile?.Locale);
        string text;
        using (BotLanguage.Use(language))
        {
            text = compose(language);
        }

        try
        {
            var result = await connector.SendToConversationAsync(new Uri(contact.ServiceUrl), conversationId, new Activity
            {
                Type = ActivityTypes.Message,
                Text = text,
                TextFormat = "plain",
                From = new ChannelAccount { Id = contact.BotId },
                Recipient = new ChannelAccount { Id = contact.UserId },
                Conversation = new ConversationAccount { Id = conversationId, ConversationType = ConversationTypes.Personal, TenantId = contact.TenantId },
                Locale = language.Name,
            }, cancellationToken);
            if (result.RecipientUnreachable)
            {
                await contacts.SaveAsync(contact with { Unreachable = true }, cancellationToken);
                Log.RecipientUnreachable(logger);
                return false;
            }

            return true;
        }
        catch (ConnectorException exception)
        {
            Log.NotificationFailed(logger, (int)exception.StatusCode);
            return false;
        }
    }
}
