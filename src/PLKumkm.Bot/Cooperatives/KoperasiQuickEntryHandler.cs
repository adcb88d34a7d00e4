using System.Globalization;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Staff;
using PLKumkm.Bot.Staff.QuickEntry;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Cooperatives;

/// <summary>
/// <c>#koperasi</c> + <c>Key: value</c> lines from an enumerator: one message, one cooperative, answered at once with
/// its <c>KOP-</c> number, or the list of what is wrong (and nothing stored). <c>#koperasi</c> alone returns the form.
/// Same roles and rules as <c>#umkm</c> (<see cref="QuickEntryHandler"/>).
/// </summary>
internal sealed class KoperasiQuickEntryHandler(KoperasiQuickEntryParser parser, RecordWriter records, RegionCatalog regions, TimeProvider clock)
    : IMessageHandler
{
    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        if (KoperasiQuickEntryParser.Read(context.Text) is not { } message)
        {
            return false;
        }

        // The command table lets in only those RolePolicy allows quick entry.
        var person = context.Person;

        var scope = RolePolicy.ScopeOf(person)!;
        var result = parser.Parse(message, scope, RegionClock.Today(regions, scope, clock.GetUtcNow()));
        if (result.Blank)
        {
            context.Reply(Template(context.Language));
            context.Reply(string.Join('\n', BlankKeys.Prepend(KoperasiQuickEntryParser.Tag).Select((k, i) => i == 0 ? k : k + ": ")));
            return true;
        }

        if (!result.Ok)
        {
            context.Reply(QuickEntryTexts.Errors(result.Errors).In(context.Language));
            return true;
        }

        var saved = await records.SaveKoperasiAsync(result.Answers, Submitter.Staff(person, scope), cancellationToken);
        if (saved.IsRefused)
        {
            context.Reply(WriteRefusalTexts.For(saved.Refused!, regions));
            return true;
        }

        var record = saved.Record;
        var what = $"{record.NamaKoperasi} ({regions.Find(record.KodeDesa)?.Name ?? record.KodeDesa})";
        var text = saved.Updated
            ? new UserText($"✅ Diperbarui: {record.RegistrationNumber} (tidak dihitung dua kali) — {what}",
                $"✅ Updated: {record.RegistrationNumber} (not counted twice) — {what}")
            : new UserText($"✅ Tersimpan: {record.RegistrationNumber} — {what}", $"✅ Saved: {record.RegistrationNumber} — {what}");
        if (record.Status == RecordStatus.Flagged)
        {
            text = text.Append(new UserText($"⚠️ Ditandai untuk ditinjau koordinator: {record.FlagReason}",
                $"⚠️ Flagged for a coordinator's review: {record.FlagReason}"), "\n");
        }

        context.Reply(text);
        return true;
    }

    private static readonly string[] BlankKeys = ["Nama", "No BH", "Tgl BH", "Jenis", "Desa", "KBLI", "Anggota L", "Anggota P", "Volume", "SHU", "Pengurus", "HP"];

    private static string Template(string language) => language == Languages.English
        ? $"*Quick entry of a cooperative*: one message per cooperative. Copy the form in the next message, fill in after the colons, and send it. Required: Nama, Desa. Other keys: {string.Join(", ", KoperasiQuickEntryKeys.Labels)}. SHU may be negative (-5jt)."
        : $"*Entri cepat koperasi*: satu pesan untuk satu koperasi. Salin formulir di pesan berikut, isi setelah tanda titik dua, lalu kirim. Wajib: Nama, Desa. Kunci lain: {string.Join(", ", KoperasiQuickEntryKeys.Labels)}. SHU boleh minus (-5jt).";
}
