using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Handling;

/// <summary><c>/bahasa en</c> or <c>/bahasa id</c> (also <c>/language</c>): switches every later reply.</summary>
internal sealed class LanguageHandler(QuestionnaireRunner runner) : IMessageHandler
{
    public Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var wanted = context.Arguments.Trim().ToLowerInvariant() switch
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
            return Task.FromResult(true);
        }

        context.Person.Language = wanted;
        context.Reply(new UserText("Baik, saya akan menjawab dalam Bahasa Indonesia.", "OK, I will reply in English."));
        if (context.Session is { } active)
        {
            runner.Resume(context, active);
        }

        return Task.FromResult(true);
    }
}
