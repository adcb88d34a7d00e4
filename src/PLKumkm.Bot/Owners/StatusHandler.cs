using System.Text;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Owners;

/// <summary>
/// <c>/status</c>: the person's own records with registration number, name, review state and last change.
/// The NIK is shown in full here only, because the person asking is its owner.
/// </summary>
internal sealed class StatusHandler(QuestionnaireRunner runner, RegionCatalog regions) : IMessageHandler
{
    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var lang = context.Language;
        var records = await OwnerRecords.ListAsync(context.Db, context.Person.Id, cancellationToken);
        if (records.Count == 0)
        {
            context.Reply(OwnerTexts.NoRecords);
        }
        else
        {
            var text = new StringBuilder(lang == Languages.English ? "*Your records*" : "*Data Anda*");
            foreach (var record in records)
            {
                text.Append("\n\n").Append(record.RegistrationNumber).Append(" — ").Append(OwnerTexts.Name(record, lang));
                if (record is UmkmRecord { Nik: { } nik })
                {
                    text.Append("\nNIK: ").Append(nik);
                }

                text.Append('\n').Append(lang == Languages.English ? "Status: " : "Status: ").Append(OwnerTexts.State(record, lang));
                text.Append('\n').Append(lang == Languages.English ? "Last change: " : "Terakhir diubah: ")
                    .Append(OwnerTexts.When(record.UpdatedAt, record.KodeKabupaten, regions, lang));
            }

            text.Append("\n\n").Append(lang == Languages.English
                ? "/ubah to correct a record · \"hapus data saya\" to withdraw consent and delete your personal data."
                : "/ubah untuk memperbaiki data · \"hapus data saya\" untuk menarik persetujuan dan menghapus data pribadi Anda.");
            context.Reply(text.ToString());
        }

        if (context.Session is { } active)
        {
            runner.Resume(context, active);
        }

        return true;
    }
}
