using System.Globalization;
using PeerSupportBot.BotFramework.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PeerSupportBot.BotFramework.Schema;

namespace PeerSupportBot.Conversation;

/// <summary>What an Action.Execute verb does. The answer's card replaces the pressed one for the presser.</summary>
internal interface ICardAction
{
    Task<AdaptiveCardInvokeResponse> ExecuteAsync(CardActionInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>
/// A pressed button: the turn, the language of the card, and its data (never trusted as is).
/// <see cref="Automatic"/> is a client refresh, which may read but must change nothing.
/// </summary>
internal sealed record CardActionInvocation(TurnContext Turn, CultureInfo Language, CardData Data, string Verb = "")
{
    public bool Automatic { get; init; }
}

/// <param name="AnswersRefresh">True for a verb whose action changes nothing when the client refreshes a card with it.</param>
internal sealed record CardActionDescriptor(string Verb, bool AnswersRefresh = false);

internal static class CardActionServiceCollectionExtensions
{
    /// <summary>Ties a verb to its action: both are found by the verb, as a key.</summary>
    public static IServiceCollection AddCardAction<TAction>(this IServiceCollection services, string verb, bool answersRefresh = false)
        where TAction : class, ICardAction
    {
        services.TryAddScoped<TAction>();
        services.AddKeyedScoped<ICardAction>(verb, (provider, _) => provider.GetRequiredService<TAction>());
        services.AddKeyedSingleton(verb, new CardActionDescriptor(verb, answersRefresh));
        return services;
    }
}
