using System.Text;

namespace PeerSupportBot.BotFramework.Cards;

/// <summary>
/// Makes text someone typed (a name, a cohort name, what an asker shared) show as itself in a
/// TextBlock or FactSet, whose text Teams reads as markdown: no link, no emphasis, no list, no
/// heading, no mention and no clickable address can be smuggled in through it.
/// </summary>
public static class MarkdownText
{
    // CommonMark lets any ASCII punctuation be escaped with a backslash; these are the ones the
    // Adaptive Card and Teams markdown subsets give a meaning to (links, emphasis, code, html/at-mentions).
    private const string Special = "\\`*_[](){}<>#|~!";

    /// <summary>
    /// The text with markdown characters backslash-escaped, list and quote markers at line starts
    /// escaped, and "://" broken with a word joiner so an address is not turned into a link.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var escaped = new StringBuilder(text.Length + 16);
        var atLineStart = true;
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (Special.Contains(character, StringComparison.Ordinal)
                || (atLineStart && character is '-' or '+' or '=')
                || (character == '.' && index > 0 && char.IsAsciiDigit(text[index - 1]) && StartsNumberedItem(text, index)))
            {
                escaped.Append('\\');
            }

            escaped.Append(character);
            if (character == ':' && index + 2 < text.Length && text[index + 1] == '/' && text[index + 2] == '/')
            {
                escaped.Append('\u2060');
            }

            atLineStart = character is '\n' or '\r' || (atLineStart && character is ' ' or '\t');
        }

        return escaped.ToString();
    }

    // "12." at the start of a line is an ordered list item.
    private static bool StartsNumberedItem(string text, int dot)
    {
        var start = dot - 1;
        while (start > 0 && char.IsAsciiDigit(text[start - 1]))
        {
            start--;
        }

        return start == 0 || text[start - 1] is '\n' or '\r';
    }
}
