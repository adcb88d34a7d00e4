using System.Numerics;

namespace PLKumkm.Bot.Regions;

/// <summary>
/// A name prepared for matching: its letters without spaces, plus bit masks so that most of the
/// 83,763 village names can be rejected without touching their characters.
/// </summary>
/// <param name="Compact">Normalised name without spaces ("ogankomeringulu").</param>
/// <param name="WordStarts">Bit i set when <c>Compact[i]</c> begins a word (positions ≥ 64 are not tracked).</param>
/// <param name="Letters">Which of a–z, 0–9 (and "anything else") occur.</param>
internal readonly record struct SearchKey(string Compact, ulong WordStarts, ulong Letters)
{
    private const int OtherCharacterBit = 63;

    /// <summary>
    /// Same result as <c>FromNormalized(SearchText.Normalize(name))</c> in one pass and one
    /// allocation: it runs for every one of the ~91,000 names at start-up.
    /// </summary>
    public static SearchKey FromName(string name)
    {
        if (!System.Text.Ascii.IsValid(name))
        {
            return FromNormalized(SearchText.Normalize(name));
        }

        Span<char> buffer = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        ulong wordStarts = 0, letters = 0;
        var length = 0;
        var atWordStart = true;
        foreach (var raw in name)
        {
            if (char.IsAsciiLetterOrDigit(raw))
            {
                var c = char.ToLowerInvariant(raw);
                if (atWordStart && length < 64)
                {
                    wordStarts |= 1UL << length;
                }

                atWordStart = false;
                letters |= LetterBit(c);
                buffer[length++] = c;
            }
            else if (!SearchText.IsApostrophe(raw))
            {
                atWordStart = true;
            }
        }

        return new SearchKey(new string(buffer[..length]), wordStarts, letters);
    }

    public static SearchKey FromNormalized(string normalized)
    {
        ulong wordStarts = 0;
        var position = 0;
        var atWordStart = true;
        foreach (var c in normalized)
        {
            if (c == ' ')
            {
                atWordStart = true;
                continue;
            }

            if (atWordStart && position < 64)
            {
                wordStarts |= 1UL << position;
            }

            atWordStart = false;
            position++;
        }

        var compact = SearchText.Compact(normalized);
        return new SearchKey(compact, wordStarts, LettersOf(compact));
    }

    public static ulong LettersOf(string compact)
    {
        ulong letters = 0;
        foreach (var c in compact)
        {
            letters |= LetterBit(c);
        }

        return letters;
    }

    private static ulong LetterBit(char c) => 1UL << c switch
    {
        >= 'a' and <= 'z' => c - 'a',
        >= '0' and <= '9' => 26 + c - '0',
        _ => OtherCharacterBit,
    };

    /// <summary>
    /// A lower bound on the edit distance to <paramref name="other"/>: each character kind present on
    /// one side only needs at least one edit of its own.
    /// </summary>
    public int MissingLetters(ulong other) =>
        Math.Max(BitOperations.PopCount(Letters & ~other), BitOperations.PopCount(other & ~Letters));

    /// <summary>True when <paramref name="word"/> is a whole word of the name.</summary>
    public bool ContainsWord(string word)
    {
        for (var bits = WordStarts; bits != 0; bits &= bits - 1)
        {
            var start = BitOperations.TrailingZeroCount(bits);
            var end = start + word.Length;
            if (Compact.AsSpan(start).StartsWith(word, StringComparison.Ordinal)
                && (end == Compact.Length || (end < 64 && (WordStarts & (1UL << end)) != 0)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when each token starts a distinct word of the name, in order ("komering ulu" in "Ogan
    /// Komering Ulu", "baturaja tim" in "Baturaja Timur").
    /// </summary>
    public bool WordsStartWith(IReadOnlyList<string> tokens)
    {
        var from = 0;
        foreach (var token in tokens)
        {
            var found = false;
            for (var bits = from < 64 ? WordStarts >> from << from : 0; bits != 0; bits &= bits - 1)
            {
                var start = BitOperations.TrailingZeroCount(bits);
                if (Compact.AsSpan(start).StartsWith(token, StringComparison.Ordinal))
                {
                    from = start + token.Length;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }
}
