namespace PLKumkm.Bot.Validation;

/// <summary>The number words people write (digits, scales and their chat spellings), also glued together.</summary>
internal static partial class NumberWords
{
    private static readonly Dictionary<string, Token> Words = BuildWords(includeLetters: false);
    private static readonly Dictionary<string, Token> MoneyWords = BuildWords(includeLetters: true);

    // Longest first, so "sembilan" wins over "se" + "mbilan" when splitting glued words.
    private static readonly string[] GluePieces = Words.Keys
        .Where(k => k.Length >= 3 || k == "se")
        .OrderByDescending(k => k.Length)
        .ToArray();

    private static bool TryWord(string word, Dictionary<string, Token> vocabulary, List<Token> tokens)
    {
        if (vocabulary.TryGetValue(word, out var token))
        {
            tokens.Add(token);
            return true;
        }

        // People glue number words ("duapuluh", "sejuta", "limaratus"): split on known words only.
        if (word.Length > 40)
        {
            return false;
        }

        var pieces = new List<Token>();
        if (!Split(word, 0, pieces))
        {
            return false;
        }

        tokens.AddRange(pieces);
        return true;
    }

    private static bool Split(string word, int start, List<Token> pieces)
    {
        if (start == word.Length)
        {
            return true;
        }

        foreach (var piece in GluePieces)
        {
            if (string.CompareOrdinal(word, start, piece, 0, piece.Length) != 0)
            {
                continue;
            }

            pieces.Add(Words[piece]);
            if (Split(word, start + piece.Length, pieces))
            {
                return true;
            }

            pieces.RemoveAt(pieces.Count - 1);
        }

        return false;
    }

    private static Dictionary<string, Token> BuildWords(bool includeLetters)
    {
        var words = new Dictionary<string, Token>(StringComparer.Ordinal);
        string[] digits = ["nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"];
        for (var i = 0; i < digits.Length; i++)
        {
            words[digits[i]] = new Token(Kind.Digit, i, false, digits[i]);
        }

        words["se"] = new Token(Kind.Se, 1, false, "se");
        words["setengah"] = new Token(Kind.Half, 0.5m, false, "setengah");
        words["belas"] = new Token(Kind.Belas, 10, false, "belas");
        words["puluh"] = new Token(Kind.Puluh, 10, false, "puluh");
        words["ratus"] = new Token(Kind.Ratus, 100, false, "ratus");
        words["koma"] = new Token(Kind.Koma, 0, false, "koma");
        words["dan"] = new Token(Kind.Skip, 0, false, "dan");

        void Scale(decimal value, bool unsure, params string[] names)
        {
            foreach (var name in names)
            {
                words[name] = new Token(Kind.Scale, value, unsure, name);
            }
        }

        Scale(1_000m, false, "ribu", "rb", "rbu", "rebu", "ribo", "thousand");
        Scale(1_000_000m, false, "juta", "jt", "jta", "jeti", "million", "mio");
        Scale(1_000_000_000m, false, "miliar", "milyar", "miliard", "milyard", "billion", "bn");
        Scale(1_000_000_000_000m, false, "triliun", "trilyun", "trillion", "tn");
        if (includeLetters)
        {
            Scale(1_000m, false, "k");
            // One letter "M" is miliar in Indonesian but "million" to English speakers: confirm.
            Scale(1_000_000_000m, true, "m", "b");
            Scale(1_000_000_000_000m, true, "t");
        }

        return words;
    }
}
