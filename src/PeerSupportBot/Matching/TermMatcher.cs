namespace PeerSupportBot.Matching;

/// <summary>
/// Finds one language's vocabulary terms in analysed words: whole stems, stems that open a word
/// (Finnish compound modifiers such as "etä-"), stems inside Finnish compounds, phrases, and
/// long stems with one typo. Immutable after construction, so safe to share between threads.
/// </summary>
internal sealed class TermMatcher(IReadOnlyList<TopicTerm> terms, bool findsCompoundParts)
{
    /// <summary>Shorter stems inside a compound are too often accidents ("aika" in "aikaisin").</summary>
    private const int MinimumInfixLength = 5;

    /// <summary>Below this length one typo turns a word into another word.</summary>
    private const int MinimumTypoLength = 7;

    private const double TypoDiscount = 0.8;

    /// <summary>English stems shorter than this must match whole ("hire", not "hire" in "hireling").</summary>
    private readonly int minimumPrefixLength = findsCompoundParts ? 1 : 5;

    private readonly TopicTerm[] words = [.. terms.Where(term => term.Stems.Count == 1)];
    private readonly TopicTerm[] phrases = [.. terms.Where(term => term.Stems.Count > 1)];

    // The letters of each stem, beside it: most terms cannot match most words, and a stem holding a
    // letter the word lacks can only meet it through a typo.
    private readonly ulong[] singleStemLetters = [.. terms.Where(term => term.Stems.Count == 1).Select(term => LetterSet.Of(term.Stems[0]))];
    private readonly ulong[][] phraseLetters = [.. terms.Where(term => term.Stems.Count > 1).Select(term => term.Stems.Select(LetterSet.Of).ToArray())];

    public void FindIn(IReadOnlyList<AnalysedWord> text, List<TermMatch> found)
    {
        var letters = new ulong[text.Count];
        for (var position = 0; position < text.Count; position++)
        {
            letters[position] = LetterSet.Of(text[position].Word) | LetterSet.Of(text[position].Stem);
        }

        for (var position = 0; position < text.Count; position++)
        {
            var word = text[position];
            for (var index = 0; index < words.Length; index++)
            {
                var term = words[index];
                if (Match(term.Stems[0], singleStemLetters[index], term.Kind, word, letters[position]) is { } match)
                {
                    found.Add(new TermMatch(term, word.Start + match.Offset, word.Start + match.Offset + match.Length, term.Weight * match.Quality));
                }
            }
        }

        for (var index = 0; index < phrases.Length; index++)
        {
            FindPhrase(phrases[index], phraseLetters[index], text, letters, found);
        }
    }

    /// <summary>Phrase words in order, each within <c>MaximumGap</c> words of the previous one.</summary>
    private void FindPhrase(TopicTerm phrase, ulong[] stemLetters, IReadOnlyList<AnalysedWord> text, ulong[] letters, List<TermMatch> found)
    {
        const int MaximumGap = 2;
        for (var first = 0; first < text.Count; first++)
        {
            if (Match(phrase.Stems[0], stemLetters[0], phrase.Kind, text[first], letters[first]) is null)
            {
                continue;
            }

            var last = first;
            var complete = true;
            for (var part = 1; part < phrase.Stems.Count && complete; part++)
            {
                complete = false;
                for (var next = last + 1; next < text.Count && next <= last + 1 + MaximumGap; next++)
                {
                    if (Match(phrase.Stems[part], stemLetters[part], phrase.Kind, text[next], letters[next]) is not null)
                    {
                        last = next;
                        complete = true;
                        break;
                    }
                }
            }

            if (complete)
            {
                var end = text[last].Start + text[last].Word.Length;
                found.Add(new TermMatch(phrase, text[first].Start, end, phrase.Weight));
                return;
            }
        }
    }

    private (int Offset, int Length, double Quality)? Match(string stem, ulong stemLetters, TermKind kind, AnalysedWord word, ulong letters)
    {
        if ((stemLetters & ~letters) != 0 && !MayBeTypo(stem, kind, word))
        {
            return null;
        }

        if (kind == TermKind.Literal)
        {
            return word.Word.StartsWith(stem, StringComparison.Ordinal) ? (0, stem.Length, 1) : null;
        }

        // Cheap gate: unless the stem could sit inside a compound, it must share the first letter.
        var sameStart = word.Stem.Length > 0 && word.Word.Length > 0 && (word.Stem[0] == stem[0] || word.Word[0] == stem[0]);
        var mayBeInside = findsCompoundParts && kind == TermKind.Stem && stem.Length >= MinimumInfixLength;
        if (!sameStart && !mayBeInside)
        {
            return null;
        }

        if (word.Stem == stem)
        {
            return (0, word.Word.Length, 1);
        }

        if (kind == TermKind.Exact)
        {
            return null;
        }

        if (sameStart && stem.Length >= minimumPrefixLength && (word.Stem.StartsWith(stem, StringComparison.Ordinal) || word.Word.StartsWith(stem, StringComparison.Ordinal)))
        {
            return (0, stem.Length, 1);
        }

        if (findsCompoundParts && stem.Length >= MinimumInfixLength)
        {
            var inside = word.Word.IndexOf(stem, StringComparison.Ordinal);
            if (inside > 0)
            {
                return (inside, stem.Length, 1);
            }
        }

        if (sameStart && stem.Length >= MinimumTypoLength && StartsWithOneTypo(word.Stem, stem))
        {
            return (0, Math.Min(stem.Length, word.Word.Length), TypoDiscount);
        }

        return null;
    }

    /// <summary>Whether <paramref name="stem"/> could still meet <paramref name="word"/> as a typo: the only way it meets a letter the word lacks.</summary>
    private static bool MayBeTypo(string stem, TermKind kind, AnalysedWord word) =>
        kind == TermKind.Stem && stem.Length >= MinimumTypoLength && word.Stem.Length > 0 && word.Stem[0] == stem[0];

    /// <summary>Whether some opening of <paramref name="word"/> is within Damerau distance 1 of <paramref name="stem"/>.</summary>
    private bool StartsWithOneTypo(string word, string stem)
    {
        if (word.Length < stem.Length - 1 || word[0] != stem[0])
        {
            return false;
        }

        for (var length = stem.Length - 1; length <= Math.Min(word.Length, stem.Length + 1); length++)
        {
            if (length == word.Length || findsCompoundParts)
            {
                if (Damerau.WithinOne(word.AsSpan(0, length), stem))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
