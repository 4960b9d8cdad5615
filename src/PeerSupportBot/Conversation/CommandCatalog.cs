using System.Globalization;
using Microsoft.Extensions.Localization;
using PeerSupportBot.Localization;

namespace PeerSupportBot.Conversation;

/// <summary>
/// Every command the bot knows. The language of the word a person used is the language of the
/// answer: Teams clients do not always send the person's locale.
/// </summary>
internal sealed class CommandCatalog(IEnumerable<BotCommandDescriptor> descriptors, IStringLocalizerFactory localizers)
{
    private readonly BotCommandDescriptor[] _descriptors = [.. descriptors];

    public IReadOnlyList<BotCommandDescriptor> All => _descriptors;

    /// <summary>The command's word in <paramref name="language"/>.</summary>
    public static string WordIn(BotCommandDescriptor descriptor, CultureInfo language) =>
        language.TwoLetterISOLanguageName == BotLanguage.Finnish.TwoLetterISOLanguageName ? descriptor.FinnishWord : descriptor.EnglishWord;

    /// <summary>The command's one-line description in the current UI culture.</summary>
    public string Describe(BotCommandDescriptor descriptor) =>
        localizers.Create(descriptor.TextResource)[descriptor.DescriptionKey];

    public ParsedCommand? Parse(string text)
    {
        var normalized = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var match = _descriptors
            .SelectMany(descriptor => new[]
            {
                (Descriptor: descriptor, Word: descriptor.FinnishWord, Language: BotLanguage.Finnish),
                (Descriptor: descriptor, Word: descriptor.EnglishWord, Language: BotLanguage.English),
            })
            .Where(candidate => StartsWithWord(normalized, candidate.Word))
            .OrderByDescending(candidate => candidate.Word.Length)
            .FirstOrDefault();
        return match.Descriptor is null
            ? null
            : new ParsedCommand(match.Descriptor, match.Language, normalized[match.Word.Length..].Trim());
    }

    private static bool StartsWithWord(string text, string word) =>
        text.StartsWith(word, StringComparison.OrdinalIgnoreCase)
        && (text.Length == word.Length || !char.IsLetterOrDigit(text[word.Length]));
}

internal sealed record ParsedCommand(BotCommandDescriptor Descriptor, CultureInfo Language, string Arguments);
