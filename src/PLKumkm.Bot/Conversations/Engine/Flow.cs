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

    /// <summary>
    /// The questions that apply or may still come: one is left out only once its condition is false whatever is
    /// answered later (a clause on a question not yet answered may still hold). The question counter's total is
    /// their number, so going forward it only shrinks ("(11/28)" then "(12/27)"); counting only the questions that
    /// apply so far made it grow when a conditional question switched on ("(11/25)" then "(12/26)"), which reads as
    /// the form getting longer. Before the next open question every question is decided, so positions agree with
    /// <see cref="Applicable"/>.
    /// </summary>
    public static IReadOnlyList<Question> StillToCome(Questionnaire questionnaire, SessionState session)
    {
        var visible = new Dictionary<string, string>(StringComparer.Ordinal);
        var undecided = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<Question>();
        foreach (var question in questionnaire.Questions)
        {
            if (question.When is { } when)
            {
                if (!when.Clauses.Where(c => !undecided.Contains(c.Field)).All(c => c.Holds(visible)))
                {
                    continue;
                }

                if (when.Clauses.Any(c => undecided.Contains(c.Field)))
                {
                    // May still apply; until it does its own answer (if any) counts as not given.
                    undecided.Add(question.Id);
                    result.Add(question);
                    continue;
                }
            }

            if (session.Answers.TryGetValue(question.Id, out var value))
            {
                visible[question.Id] = value;
            }
            else if (!session.Skipped.Contains(question.Id))
            {
                undecided.Add(question.Id);
            }

            result.Add(question);
        }

        return result;
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
