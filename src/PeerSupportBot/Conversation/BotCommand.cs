using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PeerSupportBot.BotFramework.Hosting;

namespace PeerSupportBot.Conversation;

/// <summary>What a command does once recognised.</summary>
internal interface IBotCommand
{
    Task ExecuteAsync(CommandInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>A recognised command: the turn, the language of the word used, and what followed it.</summary>
internal sealed record CommandInvocation(TurnContext Turn, CultureInfo Language, string Arguments);

/// <summary>
/// A command's words in Finnish and English and where its one-line description lives. Kept apart
/// from the command itself so the help card can list every command without depending on them.
/// </summary>
internal sealed record BotCommandDescriptor(string FinnishWord, string EnglishWord, Type TextResource, string DescriptionKey, CommandScopes Scopes);

/// <summary>Where a command may be used. Anything that shows a person's own data is personal only.</summary>
[Flags]
internal enum CommandScopes
{
    Personal = 1,
    Group = 2,
    Everywhere = Personal | Group,
}

internal static class BotCommandServiceCollectionExtensions
{
    /// <summary>Registers a command: <typeparamref name="TText"/>'s <paramref name="descriptionKey"/> describes it on the help card.</summary>
    /// <remarks>The command is found by its English word, a key of its own, so one class may serve two words.</remarks>
    public static IServiceCollection AddBotCommand<TCommand, TText>(this IServiceCollection services, string finnishWord, string englishWord, string descriptionKey, CommandScopes scopes = CommandScopes.Personal)
        where TCommand : class, IBotCommand
    {
        services.TryAddScoped<TCommand>();
        services.AddKeyedScoped<IBotCommand>(englishWord, (provider, _) => provider.GetRequiredService<TCommand>());
        services.AddSingleton(new BotCommandDescriptor(finnishWord, englishWord, typeof(TText), descriptionKey, scopes));
        services.TryAddSingleton<CommandCatalog>();
        return services;
    }
}
