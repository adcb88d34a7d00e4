using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Conversations.Handling;

/// <summary><c>/start</c> and <c>/daftar</c>: begin a registration, or pick up the one in progress.</summary>
internal sealed class StartHandler(QuestionnaireRunner runner) : IMessageHandler
{
    public const string DefaultQuestionnaire = "umkm";

    public int Order => 20;

    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var command = ChatCommand.Parse(context.Text);
        if (command is null || !command.Is("start", "daftar", "mulai"))
        {
            return false;
        }

        var active = await SessionStore.FindActiveAsync(context.Db, context.Person.Id, cancellationToken);
        if (active is not null)
        {
            context.Reply(new UserText(
                "Anda sedang mengisi pendaftaran. Kita lanjutkan dari pertanyaan terakhir (ketik /batal untuk membatalkan):",
                "You are in the middle of a registration. Let's continue where you left off (type /batal to cancel):"));
            runner.Resume(context, active);
            return true;
        }

        await runner.StartAsync(context, DefaultQuestionnaire, cancellationToken);
        return true;
    }
}
