using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Hosting;

/// <summary>
/// Tells settings (<c>--Section:Key=value</c>, <c>--Section:Key value</c>, <c>Key=value</c>) from stray words among the
/// tokens a verb did not recognise: a mistyped verb must stop with a hint, not start the bot with the word ignored.
/// </summary>
internal static class CommandLineWords
{
    /// <summary>The first token that is not a setting, or null when all of them are.</summary>
    public static string? FirstStray(IReadOnlyList<string> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.StartsWith('-') || token.StartsWith('/'))
            {
                // "--Key value": the next token is the value (the configuration's command-line provider reads it so).
                if (!token.Contains('=', StringComparison.Ordinal))
                {
                    i++;
                }

                continue;
            }

            if (!token.Contains('=', StringComparison.Ordinal))
            {
                return token;
            }
        }

        return null;
    }

    /// <summary>The one-line reason for a word that is not a verb, naming the closest verb when one is near.</summary>
    public static string UnknownVerb(string word, IEnumerable<string> verbs)
    {
        var names = verbs.ToList();
        var lower = word.ToLowerInvariant();
        var closest = names
            .Select(v => (Verb: v, Distance: EditDistance.Bounded(lower, v, 3)))
            .Where(c => c.Distance <= Math.Max(1, Math.Min(3, c.Verb.Length / 2)))
            .OrderBy(c => c.Distance)
            .Select(c => c.Verb)
            .FirstOrDefault();
        return closest is null
            ? $"unknown verb '{word}'; verbs: {string.Join(", ", names)}"
            : $"unknown verb '{word}': did you mean '{closest}'? (verbs: {string.Join(", ", names)})";
    }
}
