using PLKumkm.Bot.Conversations.Definition;


namespace PLKumkm.Bot.Conversations.Handling;

/// <summary>
/// A stored record holds only field values; a questionnaire also has helper questions (<c>store: false</c>)
/// that steer it, such as "has an NIB?" or "turnover counted per…". To reopen a record in its questionnaire
/// those answers are inferred from the stored values.
/// </summary>
internal static class EditAnswers
{
    private const string Yearly = "tahun";

    public static Dictionary<string, string> From(Questionnaire questionnaire, IReadOnlyDictionary<string, string> stored)
    {
        var answers = new Dictionary<string, string>(stored, StringComparer.Ordinal);
        foreach (var helper in questionnaire.Questions.Where(q => !q.Store && q.IsChoice))
        {
            if (Infer(questionnaire, helper, answers) is { } value)
            {
                answers[helper.Id] = value;
            }
        }

        return answers;
    }

    private static string? Infer(Questionnaire questionnaire, Question helper, Dictionary<string, string> answers)
    {
        // Stored money is already per year.
        if (questionnaire.Questions.Any(q => q.AnnualizeBy == helper.Id) && helper.FindOption(Yearly) is not null)
        {
            return Yearly;
        }

        var dependents = questionnaire.Questions.Where(q => q.When?.Fields.Contains(helper.Id) == true).ToList();
        if (dependents.Count == 0)
        {
            return null;
        }

        var answered = dependents.Where(q => answers.ContainsKey(q.Id)).ToList();
        foreach (var option in helper.Options)
        {
            var trial = new Dictionary<string, string>(answers, StringComparer.Ordinal) { [helper.Id] = option.Value };
            var fits = answered.Count > 0
                ? answered.All(q => q.When!.Holds(trial))
                : dependents.All(q => !q.When!.Holds(trial));
            if (fits)
            {
                return option.Value;
            }
        }

        return null;
    }
}
