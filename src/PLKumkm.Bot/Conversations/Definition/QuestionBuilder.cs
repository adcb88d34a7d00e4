using PLKumkm.Bot.Conversations.Types;
using PLKumkm.Bot.Records;

namespace PLKumkm.Bot.Conversations.Definition;

/// <summary>
/// Checks one question as written and builds it. What every question has (id, texts, condition, storage) is checked
/// here; its type's own keys and options by its plug-in, found by name in the registry.
/// </summary>
internal static class QuestionBuilder
{
    public static Question Build(QuestionDto q, List<Question> earlier, IReadOnlyList<string> fields, string file, QuestionTypeRegistry types)
    {
        var id = q.Id?.Trim();
        if (string.IsNullOrEmpty(id) || !QuestionnaireLoader.IsId(id))
        {
            throw new QuestionnaireDefinitionException(file, id ?? $"#{earlier.Count + 1}",
                "'id' is required: lower-case letters, digits and '_'");
        }

        var spec = new QuestionSpec(q, id, file, earlier, types);
        if (earlier.Any(e => e.Id == id))
        {
            spec.Fail("the id is used twice");
        }

        var type = types.Find(q.Type);
        if (type is null)
        {
            spec.Fail($"unknown type '{q.Type}'; use one of: {string.Join(", ", types.Names)}");
        }

        var store = q.Store ?? true;
        if (store)
        {
            CheckStored(spec, type, fields);
        }

        var label = YamlText.Read(q.Label, file, id, "label", required: true)!;
        var prompt = YamlText.Read(q.Prompt, file, id, "prompt", required: true)!;
        var help = YamlText.Read(q.Help, file, id, "help", required: false);
        var options = type.Options(spec);
        var when = Condition(spec, earlier);
        CheckKeys(spec, type);

        var question = new Question(id, type.Name, label, prompt, help, q.Optional, when, options, store,
            q.Min, q.Max, q.MaxLength, q.AnnualizeBy, q.MaxFrom, q.AllowNegative) { ProperName = q.ProperName, IsChoice = type.ValuesAreOptions };
        type.Check(spec, question);
        return question;
    }

    private static void CheckStored(QuestionSpec spec, IQuestionType type, IReadOnlyList<string> fields)
    {
        if (type.StoredId is { } only)
        {
            if (spec.Id != only)
            {
                spec.Fail($"a stored {type.Name} question must have id '{only}' (it fills fields of its own)");
            }
        }
        else if (!fields.Contains(spec.Id))
        {
            spec.Fail("not a field id of the contract; add 'store: false' for a helper question");
        }
        else if (FieldIds.SystemFilled.Contains(spec.Id))
        {
            spec.Fail("this field is filled by the system and cannot be asked");
        }
    }

    private static Condition? Condition(QuestionSpec spec, List<Question> earlier)
    {
        if (string.IsNullOrWhiteSpace(spec.Dto.When))
        {
            return null;
        }

        Condition? when = null;
        try
        {
            when = Definition.Condition.Parse(spec.Dto.When);
        }
        catch (FormatException e)
        {
            spec.Fail(e.Message);
        }

        foreach (var clause in when.Clauses)
        {
            var source = earlier.FirstOrDefault(e => e.Id == clause.Field);
            if (source is null)
            {
                spec.Fail($"condition refers to '{clause.Field}', which is not an earlier question");
            }

            if (source.IsChoice && clause.Values.FirstOrDefault(v => source.FindOption(v) is null) is { } unknown)
            {
                spec.Fail($"condition value '{unknown}' is not an option of '{source.Id}'");
            }
        }

        return when;
    }

    // The keys only some types read: written for another type they would silently do nothing.
    private static void CheckKeys(QuestionSpec spec, IQuestionType type)
    {
        var q = spec.Dto;
        if (q.Min is not null && q.Max is not null && q.Min > q.Max)
        {
            spec.Fail("'min' is larger than 'max'");
        }

        if ((q.Min is not null || q.Max is not null) && !type.Keys.HasFlag(QuestionKeys.MinMax))
        {
            spec.Refuse(QuestionKeys.MinMax, "'min'/'max' only apply to {0} questions");
        }

        if (q.AnnualizeBy is not null && !type.Keys.HasFlag(QuestionKeys.AnnualizeBy))
        {
            spec.Refuse(QuestionKeys.AnnualizeBy, "'annualize_by' only applies to {0} questions");
        }

        if (q.MaxFrom is not null && !type.Keys.HasFlag(QuestionKeys.MaxFrom))
        {
            spec.Refuse(QuestionKeys.MaxFrom, "'max_from' only applies to {0} questions");
        }

        if (q.MaxLength is < 1)
        {
            spec.Fail("'max_length' must be 1 or more");
        }

        if (q.ProperName && !type.Keys.HasFlag(QuestionKeys.ProperName))
        {
            spec.Refuse(QuestionKeys.ProperName, "'proper_name' only applies to {0} questions");
        }
    }
}
