using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Conversations.Handling;

/// <summary>Anything sent while a questionnaire is open is an answer (or an in-question command).</summary>
internal sealed class QuestionnaireHandler(QuestionnaireRunner runner, QuestionnaireCatalog questionnaires) : IMessageHandler
{
    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        if (context.Session is not { } active)
        {
            return false;
        }

        await runner.ContinueAsync(context, active, cancellationToken);
        return true;
    }

    /// <summary>An edit of an earlier message: the open questionnaire's to take as a correction; without one, a line.</summary>
    public async Task HandleEditAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        if (context.Session is { } active)
        {
            await runner.CorrectAsync(context, active, cancellationToken);
        }
        else
        {
            context.Reply(SubmissionTexts.EditChangesNothing(context.Language));
        }
    }

    /// <summary>
    /// Whether the open questionnaire wants this input before the triggers that yield to it: any text is a possible
    /// answer, while a shared contact is one only at a phone question (elsewhere it signs staff in).
    /// </summary>
    public bool Takes(UpdateContext context) => context.Session is { } active
        && (context.Content is not ContactInput || AsksForPhone(active));

    private bool AsksForPhone(ConversationSession active) =>
        active.CurrentQuestionId is { } questionId
        && active.Stage is nameof(SessionStage.Asking) or nameof(SessionStage.Editing)
        && questionnaires.Contains(active.QuestionnaireId)
        && questionnaires.Get(active.QuestionnaireId).Find(questionId)?.Type == QuestionType.Phone;
}
