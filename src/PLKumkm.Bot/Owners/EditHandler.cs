using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;

namespace PLKumkm.Bot.Owners;

/// <summary>
/// <c>/ubah</c>: pick one of your records; <c>/ubah KUMKM-1601-000001</c> reopens it in its questionnaire at the
/// summary, so the person changes only what is wrong. The submission is a new version; the old values stay in the history.
/// </summary>
internal sealed class EditHandler(QuestionnaireRunner runner) : IMessageHandler
{
    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var lang = context.Language;
        var arguments = context.Arguments;
        if (context.Session is { } active)
        {
            context.Reply(new UserText(
                "Selesaikan dulu pengisian yang sedang berjalan, atau ketik /batal. Kita lanjutkan:",
                "Please finish the form you are filling in first, or type /batal. Let's continue:"));
            runner.Resume(context, active);
            return true;
        }

        if (arguments.Length == 0)
        {
            await OfferRecordsAsync(context, cancellationToken);
            return true;
        }

        var record = await OwnerRecords.FindAsync(context.Db, context.Person.Id, arguments, cancellationToken);
        if (record is null)
        {
            context.Reply(new UserText(
                $"Data {arguments.Trim()} tidak ada di antara data yang Anda daftarkan. Ketik /ubah untuk memilih dari daftar.",
                $"{arguments.Trim()} is not among the records you registered. Type /ubah to pick from the list."));
            return true;
        }

        if (!OwnerRecords.CanBeChanged(record))
        {
            context.Reply(lang == Languages.English
                ? $"{record.RegistrationNumber} cannot be changed any more ({OwnerTexts.State(record, lang)})."
                : $"Data {record.RegistrationNumber} tidak bisa diubah lagi ({OwnerTexts.State(record, lang)}).");
            return true;
        }

        await runner.StartEditingAsync(context, record, cancellationToken);
        return true;
    }

    private static async Task OfferRecordsAsync(UpdateContext context, CancellationToken ct)
    {
        var lang = context.Language;
        var records = (await OwnerRecords.ListAsync(context.Db, context.Person.Id, ct)).Where(OwnerRecords.CanBeChanged).ToList();
        if (records.Count == 0)
        {
            context.Reply(OwnerTexts.NoRecords);
            return;
        }

        context.Reply(new OutboundMessage(lang == Languages.English ? "Which record do you want to correct?" : "Data mana yang ingin diperbaiki?")
        {
            Options = records.Select(r => new ReplyOption($"{r.RegistrationNumber} · {OwnerTexts.Name(r, lang)}", $"/ubah {r.RegistrationNumber}")).ToList(),
        });
    }
}
