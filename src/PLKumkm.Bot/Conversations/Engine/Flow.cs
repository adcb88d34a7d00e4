using PLKumkm.Bot.Conversations.Definition;


namespace PLKumkm.Bot.Conversations.Engine;

/// <summary>Which questions apply given the answers so far, and which one comes next.</summary>
internal static class Flow
{
    /// <summary>
    /// Questions whose condition holds, in order. A condition only sees answers of questions that
    /// themselves apply, so an answer left behind by a changed earlier answer cannot switch things on.
    /// </summary>
    public static IEnumerable<Question> Applicable(Questionnaire questionnaire, IReadOnlyDictionary<string, string> answers)
    {
        var visible = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in questionnaire.Questions)
        {
            if (question.When is not null && !question.When.Holds(visible))
            {
                continue;
            }

            if (answers.TryGetValue(question.Id, out var value))
            {
                visible[question.Id] = value;
            }

            yield return question;
        }
    }

    /// <summary>The first applicable question neither answered nor skipped; null when all are done.</summary>
    public static Question? Next(Questionnaire questionnaire, SessionState session) =>
        Applicable(questionnaire, session.Answers)
            .FirstOrDefault(q => !session.Answers.ContainsKey(q.Id) && !session.Skipped.Contains(q.Id));

    public static IReadOnlyList<Question> SummaryItems(Questionnaire questionnaire, IReadOnlyDictionary<string, string> answers) =>
        Applicable(questionnaire, answers).ToList();

    /// <summary>The answers that are submitted: stored fields of applicable questions only.</summary>
    public static Dictionary<string, string> Submission(Questionnaire questionnaire, IReadOnlyDictionary<string, string> answers) =>
        Applicable(questionnaire, answers)
            .Where(q => q.Store && answers.ContainsKey(q.Id))
            .ToDictionary(q => q.Id, q => answers[q.Id], StringComparer.Ordinal);
}
