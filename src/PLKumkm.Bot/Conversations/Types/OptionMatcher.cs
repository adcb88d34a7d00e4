using System.Globalization;
using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Conversations.Types;

/// <summary>Typed words matched to a question's options, for every type that has options.</summary>
internal static class OptionMatcher
{
    /// <summary>
    /// Matches a typed answer to an option by number (when <paramref name="byNumber"/>), value, label (also without its
    /// bracketed explanation: "Fixed" for "Fixed (shop/stall/home)") or synonym; reduplication written short
    /// (<c>laki2</c>, <c>dua2nya</c>) is read as written out.
    /// </summary>
    public static ChoiceOption? Match(Question question, string text, bool byNumber = true)
    {
        var folded = TextNormalizer.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        if (byNumber && int.TryParse(folded, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= question.Options.Count)
        {
            return question.Options[number - 1];
        }

        foreach (var form in TextNormalizer.Forms(folded))
        {
            if (question.Options.FirstOrDefault(o => Names(o).Contains(form)) is { } option)
            {
                return option;
            }
        }

        return null;
    }

    /// <summary>The option closest to a typed answer that matched none, if one is close enough to suggest.</summary>
    public static ChoiceOption? Closest(Question question, string text)
    {
        var folded = TextNormalizer.Fold(text);
        if (folded.Length < 2)
        {
            return null;
        }

        var max = Math.Max(1, folded.Length / 3);
        return question.Options
            .Select(o => (Option: o, Distance: Names(o).Min(n => EditDistance.Bounded(folded, n, max))))
            .Where(c => c.Distance <= max)
            .OrderBy(c => c.Distance)
            .Select(c => c.Option)
            .FirstOrDefault();
    }

    /// <summary>"Choose one of the N options", with the closest one suggested when it is a near miss.</summary>
    public static AnswerReading Rejected(Question question, string text)
    {
        var reason = EngineTexts.ChoiceInvalid.Format(question.Options.Count);
        return Closest(question, text) is { } near
            ? new AnswerReading.Rejected(reason.Append(new UserText($"Maksud Anda *{near.Label.Id}*?", $"Did you mean *{near.Label.En}*?")))
            : new AnswerReading.Rejected(reason);
    }

    public static IEnumerable<string> OrderLikeOptions(Question question, IEnumerable<string> values) =>
        question.Options.Select(o => o.Value).Where(values.Contains);

    public static string Label(Question question, string value, string language) =>
        question.FindOption(value)?.Label.In(language) ?? value;

    private static IEnumerable<string> Names(ChoiceOption option) =>
        new[] { option.Value, option.Label.Id, option.Label.En, WithoutBrackets(option.Label.Id), WithoutBrackets(option.Label.En) }
            .Concat(option.Synonyms)
            .Select(TextNormalizer.Fold)
            .Where(n => n.Length > 0)
            .Distinct();

    private static string WithoutBrackets(string label)
    {
        var open = label.IndexOf('(', StringComparison.Ordinal);
        return open > 0 ? label[..open] : label;
    }
}
