using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Messaging.Commands;

namespace PLKumkm.Bot.Conversations.Handling;

/// <summary>
/// <c>/start</c> offers the two registrations (business or cooperative); <c>/daftar</c> (<c>/mulai</c>) begins the
/// UMKM one and <c>/koperasi</c> the cooperative one. With a registration in progress, any of them picks it up.
/// </summary>
internal sealed class StartHandler(QuestionnaireRunner runner) : IMessageHandler
{
    public const string DefaultQuestionnaire = "umkm";
    public const string KoperasiQuestionnaire = "koperasi";

    private static readonly UserText Choose = new(
        "Selamat datang di PL-KUMKM (Pendataan Lengkap Koperasi dan UMKM)! Apa yang ingin Anda daftarkan?",
        "Welcome to PL-KUMKM (complete census of cooperatives and MSMEs)! What would you like to register?");

    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        if (context.Command is not { } command)
        {
            // The menu's buttons typed ("Daftarkan UMKM", "koperasi"); the command table lets the open questionnaire
            // have them first.
            if (TypedChoice(context.Text ?? "") is not { } chosen)
            {
                return false;
            }

            await runner.StartAsync(context, chosen, cancellationToken);
            return true;
        }

        if (context.Session is { } active)
        {
            context.Reply(new UserText(
                "Anda sedang mengisi pendaftaran. Kita lanjutkan dari pertanyaan terakhir (ketik /batal untuk membatalkan):",
                "You are in the middle of a registration. Let's continue where you left off (type /batal to cancel):"));
            runner.Resume(context, active);
            return true;
        }

        var questionnaire = Wanted(command);
        if (questionnaire is null)
        {
            context.Reply(new OutboundMessage(Choose.In(context.Language))
            {
                Options =
                [
                    new ReplyOption(context.Language == Languages.English ? "Register an MSME" : "Daftarkan UMKM", "/daftar"),
                    new ReplyOption(context.Language == Languages.English ? "Register a cooperative" : "Daftarkan Koperasi", "/koperasi"),
                ],
            });
            return true;
        }

        await runner.StartAsync(context, questionnaire, cancellationToken);
        return true;
    }

    /// <summary>The registration a typed menu answer names, or null.</summary>
    public static string? TypedChoice(string text) => !char.IsLetter(text.TrimStart().FirstOrDefault())
        ? null // "#umkm" and "#koperasi" are quick entries, not the menu
        : Conversations.Engine.TextNormalizer.Fold(text) switch
    {
        "daftarkan umkm" or "daftar umkm" or "umkm" or "register an msme" or "msme" or "daftar" => DefaultQuestionnaire,
        "daftarkan koperasi" or "daftar koperasi" or "koperasi" or "register a cooperative" or "cooperative" => KoperasiQuestionnaire,
        _ => null,
    };

    /// <summary>Which registration the command asks for; null for a plain /start (the person chooses).</summary>
    private static string? Wanted(CommandCall command)
    {
        // "/start koperasi" also arrives from a Telegram deep link (t.me/bot?start=koperasi).
        var argument = command.Arguments.Trim().ToLowerInvariant();
        return command switch
        {
            _ when command.Is(ChatCommands.Koperasi) => KoperasiQuestionnaire,
            _ when argument is "koperasi" or "kop" => KoperasiQuestionnaire,
            _ when command.Is(ChatCommands.Start) && argument is not ("umkm" or "usaha" or "daftar") => null,
            _ => DefaultQuestionnaire,
        };
    }
}
