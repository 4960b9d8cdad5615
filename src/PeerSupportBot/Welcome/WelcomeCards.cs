using System.Globalization;
using Microsoft.Extensions.Localization;
using PeerSupportBot.BotFramework.Cards;
using PeerSupportBot.Conversation;

namespace PeerSupportBot.Welcome;

/// <summary>The welcome card: what the bot does, what it stores and never stores, and its commands.</summary>
internal sealed class WelcomeCards(IStringLocalizer<WelcomeText> text, CommandCatalog commands)
{
    public CardMessage Create(bool inGroup)
    {
        List<CardElement> body =
        [
            new TextBlock { Text = text["Title"], Size = TextSize.Large, Weight = TextWeight.Bolder, Wrap = true, Style = TextBlockStyle.Heading },
            new TextBlock { Text = text["Intro"], Wrap = true },
            new TextBlock { Text = text["StoredHeading"], Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Wrap = true },
            new TextBlock { Text = text["Stored"], Wrap = true },
            new TextBlock { Text = text["NeverStoredHeading"], Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Wrap = true },
            new TextBlock { Text = text["NeverStored"], Wrap = true },
        ];
        if (inGroup)
        {
            body.Add(new TextBlock { Text = text["GroupNote"], Wrap = true, IsSubtle = true });
        }

        body.Add(new TextBlock { Text = text["CommandsHeading"], Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Wrap = true });
        body.Add(new FactSet
        {
            Facts = [.. commands.All.Where(command => command.Scopes.HasFlag(inGroup ? CommandScopes.Group : CommandScopes.Personal)).Select(command => new Fact(CommandCatalog.WordIn(command, CultureInfo.CurrentUICulture), commands.Describe(command)))],
        });

        var card = new AdaptiveCard { Body = body, FallbackText = text["Summary"] };
        return new CardMessage(card.ToAttachment(), text["Summary"]);
    }
}
