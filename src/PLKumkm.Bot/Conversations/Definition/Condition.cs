namespace PLKumkm.Bot.Conversations.Definition;

/// <summary>
/// When a question applies, written in the questionnaire as e.g. <c>punya_nib = ya</c>,
/// <c>cara_jual in [online, keduanya]</c>, <c>anggota_kop != tidak</c> or <c>nib answered</c>;
/// clauses joined with <c>and</c>.
/// </summary>
internal sealed record Condition(string Source, IReadOnlyList<ConditionClause> Clauses)
{
    public bool Holds(IReadOnlyDictionary<string, string> answers) => Clauses.All(c => c.Holds(answers));

    public IEnumerable<string> Fields => Clauses.Select(c => c.Field);

    public static Condition Parse(string source)
    {
        var parts = System.Text.RegularExpressions.Regex.Split(source.Trim(), @"\s+and\s+",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        return new Condition(source, parts.Select(ConditionClause.Parse).ToList());
    }

    public override string ToString() => Source;
}

internal enum ConditionOperator
{
    Equals,
    NotEquals,
    In,
    Answered,
}

internal sealed record ConditionClause(string Field, ConditionOperator Operator, IReadOnlyList<string> Values)
{
    private static readonly System.Text.RegularExpressions.Regex Shape = new(
        @"^(?<field>[a-z_][a-z0-9_]*)\s*(?:(?<op>=|!=)\s*(?<value>[^\s\[\],]+)|\s+in\s*\[(?<list>[^\]]*)\]|\s+(?<answered>answered))$",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public bool Holds(IReadOnlyDictionary<string, string> answers)
    {
        var has = answers.TryGetValue(Field, out var value) && !string.IsNullOrEmpty(value);
        return Operator switch
        {
            ConditionOperator.Answered => has,
            ConditionOperator.Equals => has && Matches(value!),
            ConditionOperator.NotEquals => !has || !Matches(value!),
            ConditionOperator.In => has && Matches(value!),
            _ => false,
        };
    }

    // Multiple-choice answers are stored comma-separated; a clause holds when any chosen value matches.
    private bool Matches(string answer) =>
        answer.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(a => Values.Contains(a, StringComparer.OrdinalIgnoreCase));

    public static ConditionClause Parse(string text)
    {
        var m = Shape.Match(text.Trim());
        if (!m.Success)
        {
            throw new FormatException(
                $"cannot read condition '{text}': write 'field = value', 'field != value', 'field in [a, b]' or 'field answered'");
        }

        var field = m.Groups["field"].Value;
        if (m.Groups["answered"].Success)
        {
            return new ConditionClause(field, ConditionOperator.Answered, []);
        }

        if (m.Groups["list"].Success)
        {
            var values = m.Groups["list"].Value
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (values.Length == 0)
            {
                throw new FormatException($"condition '{text}' has an empty list");
            }

            return new ConditionClause(field, ConditionOperator.In, values);
        }

        var op = m.Groups["op"].Value == "=" ? ConditionOperator.Equals : ConditionOperator.NotEquals;
        return new ConditionClause(field, op, [m.Groups["value"].Value]);
    }
}
