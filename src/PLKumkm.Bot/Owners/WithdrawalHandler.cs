using System.Text;
using PLKumkm.Bot.Conversations.Engine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Owners;

/// <summary>
/// "hapus data saya" (or <c>/hapus</c>) at any time, even mid-questionnaire: says what will be deleted and asks
/// to confirm with a button (<c>/hapus ya</c>); on confirmation <see cref="PersonalDataEraser"/> does it at once.
/// While the question is open (<see cref="WithdrawalPrompt"/>) the buttons' answers also work typed, in both
/// languages: "ya", "Ya, hapus data saya", "yes", "tidak", "Tidak jadi"….
/// </summary>
internal sealed class WithdrawalHandler(TimeProvider clock, RegionCatalog regions, Staff.Review.ErasureReview erasures) : IMessageHandler
{
    private const string Confirm = "/hapus ya";
    private const string Abort = "/hapus batal";

    private static readonly HashSet<string> Phrases = new(StringComparer.Ordinal)
    {
        "hapus data saya", "hapus data", "hapus dataku", "hapus semua data saya", "tarik persetujuan", "delete my data",
    };

    // Typed answers to the open question, folded; the buttons' own labels are among them.
    private static readonly HashSet<string> TypedYes = new(StringComparer.Ordinal)
    {
        "ya", "y", "iya", "iyah", "yes", "ok", "oke", "setuju", "lanjut", "lanjutkan", "ya hapus", "ya hapus data saya", "hapus", "ya lanjutkan",
        "yes delete my data", "yes delete", "delete", "delete it",
    };

    private static readonly HashSet<string> TypedNo = new(StringComparer.Ordinal)
    {
        "tidak", "t", "tdk", "gak", "nggak", "enggak", "ga", "no", "tidak jadi", "gak jadi", "nggak jadi", "batal", "jangan",
        "cancel", "no keep it", "keep it",
    };

    /// <summary>Plain text this handler may own: the request itself, or a typed answer to its question (taken only
    /// while that question is open).</summary>
    public static bool Recognises(string text)
    {
        var folded = TextNormalizer.Fold(text);
        return Phrases.Contains(folded) || TypedYes.Contains(folded) || TypedNo.Contains(folded);
    }

    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var folded = TextNormalizer.Fold(context.Text ?? "");
        string answer;
        if (context.Command is { } command)
        {
            answer = TextNormalizer.Fold(command.Arguments);
        }
        else if (Phrases.Contains(folded))
        {
            answer = "";
        }
        else if (TypedYes.Contains(folded) || TypedNo.Contains(folded))
        {
            if (!await WithdrawalPrompt.IsOpenAsync(context.Db, context.Person.Id, clock.GetUtcNow(), cancellationToken))
            {
                return false;
            }

            answer = TypedYes.Contains(folded) ? "ya" : "tidak";
        }
        else
        {
            return false;
        }

        switch (answer)
        {
            case "ya" or "yes":
                await WithdrawalPrompt.CloseAsync(context.Db, context.Person.Id, clock.GetUtcNow(), cancellationToken);
                await EraseAsync(context, cancellationToken);
                break;
            case "batal" or "tidak" or "no" or "cancel":
                await WithdrawalPrompt.CloseAsync(context.Db, context.Person.Id, clock.GetUtcNow(), cancellationToken);
                context.Reply(new UserText("Baik, tidak ada yang dihapus.", "OK, nothing was deleted."));
                break;
            default:
                await ExplainAsync(context, cancellationToken);
                await WithdrawalPrompt.AskedAsync(context.Db, context.Person.Id, clock.GetUtcNow(), cancellationToken);
                break;
        }

        return true;
    }

    private static async Task ExplainAsync(UpdateContext context, CancellationToken ct)
    {
        var lang = context.Language;
        var records = (await OwnerRecords.ListAsync(context.Db, context.Person.Id, ct))
            .Where(r => r.Status != Storage.Entities.RecordStatus.Withdrawn).ToList();
        var text = new StringBuilder(lang == Languages.English
            ? "You are asking to withdraw your consent and delete your personal data (Law 27/2022)."
            : "Anda meminta menarik persetujuan dan menghapus data pribadi Anda (UU 27/2022).");
        if (records.Count > 0)
        {
            text.Append("\n\n").Append(lang == Languages.English ? "Records concerned:" : "Data yang terkena:");
            foreach (var record in records)
            {
                text.Append("\n• ").Append(record.RegistrationNumber).Append(" — ").Append(OwnerTexts.Name(record, lang));
            }
        }

        text.Append("\n\n").Append(lang == Languages.English
            ? """
              Deleted at once: NIK, names (owner, business, cooperative officer), phone numbers, addresses, map locations and photos, also from the change history and from your unfinished forms. These records will no longer be counted in the census.
              Kept without anything that identifies you: region codes, sector and the figures (workers, turnover…), for statistics only.
              Continue? (button, or type "yes" / "no")
              """
            : """
              Yang langsung dihapus: NIK, nama (pemilik, usaha, pengurus koperasi), nomor HP, alamat, titik lokasi dan foto, juga dari riwayat perubahan dan dari pengisian yang belum selesai. Data tersebut tidak lagi dihitung dalam pendataan.
              Yang tetap disimpan tanpa identitas Anda: kode wilayah, sektor dan angka usaha (pekerja, omzet…), hanya untuk statistik.
              Lanjutkan? (tombol, atau ketik "ya" / "tidak")
              """);
        context.Reply(new OutboundMessage(text.ToString())
        {
            Options =
            [
                new ReplyOption(lang == Languages.English ? "Yes, delete my data" : "Ya, hapus data saya", Confirm),
                new ReplyOption(lang == Languages.English ? "No, keep it" : "Tidak jadi", Abort),
            ],
        });
    }

    private async Task EraseAsync(UpdateContext context, CancellationToken ct)
    {
        var outcome = await PersonalDataEraser.EraseAsync(context.Db, context.Person, context.Message.Address, clock.GetUtcNow(), ct);
        await erasures.NotifyReviewersAsync(context, outcome.Referred, ct);
        var lang = context.Language;
        var text = new StringBuilder(lang == Languages.English
            ? "Done. Your personal data has been deleted now (the law allows up to 3×24 hours; we did it immediately) and your consent is withdrawn."
            : "Selesai. Data pribadi Anda sudah dihapus sekarang juga (UU 27/2022 memberi batas 3×24 jam; kami menghapusnya langsung) dan persetujuan Anda sudah ditarik.");
        if (outcome.Erased.Count > 0)
        {
            text.Append("\n\n").Append(lang == Languages.English ? "No longer counted: " : "Tidak dihitung lagi: ").AppendJoin(", ", outcome.Erased);
        }

        if (outcome.Referred.Count > 0)
        {
            // Those records are not known to be theirs: counted, never named.
            var first = outcome.Referred[0];
            var due = OwnerTexts.When(first.DueAt, first.KodeKabupaten, regions, lang);
            var count = outcome.Referred.Count;
            text.Append("\n\n").Append(lang == Languages.English
                ? $"⏳ {count} other {(count == 1 ? "record carries" : "records carry")} your NIK but {(count == 1 ? "was" : "were")} entered by census staff or imported with another phone number, so we cannot be sure {(count == 1 ? "it is" : "they are")} yours. The request to delete {(count == 1 ? "it" : "them")} has gone to the coordinator of {(count == 1 ? "its" : "their")} region, to be decided by {due} (3×24 hours). We will tell you the outcome here."
                : $"⏳ {count} data lain memuat NIK Anda, tetapi dicatat petugas atau diimpor dengan nomor HP lain, jadi belum bisa dipastikan milik Anda. Permintaan penghapusannya sudah diteruskan ke koordinator wilayahnya, paling lambat diputuskan {due} (3×24 jam). Hasilnya kami kabarkan di sini.");
        }

        text.Append("\n\n").Append(lang == Languages.English
            ? "If you want to register again later, type /start."
            : "Jika ingin mendaftar lagi kelak, ketik /start.");
        // Their chat address goes too, once this has been delivered.
        context.Reply(new OutboundMessage(text.ToString()) { Subject = OutboxSubjects.ErasedPerson });
    }
}
