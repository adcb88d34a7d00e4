namespace PLKumkm.Bot.Conversations.Definition;

/// <summary>A questionnaire file that cannot run; the message names the file, the question and the reason.</summary>
internal sealed class QuestionnaireDefinitionException(string file, string? questionId, string reason)
    : Exception(questionId is null ? $"{file}: {reason}" : $"{file}, question '{questionId}': {reason}")
{
    public string File { get; } = file;
    public string? QuestionId { get; } = questionId;
    public string Reason { get; } = reason;
}
