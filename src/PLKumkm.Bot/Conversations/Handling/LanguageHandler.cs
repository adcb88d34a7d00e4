using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Handling;

/// <summary><c>/bahasa en</c> or <c>/bahasa id</c> (also <c>/language</c>): switches every later reply.</summary>
internal sealed class LanguageHandler(QuestionnaireRunner runner) : IMessageHandler
{
    public int Order => 10;

    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var command = ChatCommand.Parse(context.Text);
        if (command is null || !command.Is("bahasa", "language"))
        {
            return false;
        }

        var wanted = command.Arguments.Trim().ToLowerInvariant() switch
        {
            "en" or "english" or "inggris" => Languages.English,
            "id" or "indonesia" or "indonesian" => Languages.Indonesian,
            _ => null,
        };
        if (wanted is null)
        {
            context.Reply(new OutboundMessage(new UserText(
                "Pilih bahasa: /bahasa id (Indonesia) atau /bahasa en (English).",
                "Choose a language: /bahasa id (Indonesian) or /bahasa en (English).").In(context.Language))
            {
                Options = [new ReplyOption("Bahasa Indonesia", "/bahasa id"), new ReplyOption("English", "/bahasa en")],
            });
            return true;
        }

        context.Person.Language = wanted;
        context.Reply(new UserText("Baik, saya akan menjawab dalam Bahasa Indonesia.", "OK, I will reply in English."));
        var active = await SessionStore.FindActiveAsync(context.Db, context.Person.Id, cancellationToken);
        if (active is not null)
        {
            runner.Resume(context, active);
        }

        return true;
    }
}
