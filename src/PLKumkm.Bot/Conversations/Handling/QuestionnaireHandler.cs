using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Handling;

/// <summary>Anything sent while a questionnaire is open is an answer (or an in-question command).</summary>
internal sealed class QuestionnaireHandler(QuestionnaireRunner runner) : IMessageHandler
{
    public int Order => 100;

    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var active = await SessionStore.FindActiveAsync(context.Db, context.Person.Id, cancellationToken);
        if (active is null)
        {
            return false;
        }

        await runner.ContinueAsync(context, active, cancellationToken);
        return true;
    }
}
