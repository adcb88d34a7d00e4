using System.Globalization;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Staff.QuickEntry;

/// <summary>
/// <c>#umkm</c> + <c>Key: value</c> lines (or <c>/cepat</c>): one message, one record, answered at once
/// with the registration number or the list of what is wrong (and then nothing is stored).
/// Only <c>#umkm</c> is claimed here: <c>#koperasi</c> belongs to the cooperatives feature.
/// </summary>
internal sealed class QuickEntryHandler(QuickEntryParser parser, RecordWriter records, RegionCatalog regions, TimeProvider clock)
    : IMessageHandler
{
    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        // /cepat, or #umkm; the command table lets in only those RolePolicy allows quick entry.
        var message = context.Command is { } command
            ? QuickEntryMessage.FromBody(command.Arguments, firstLineNumber: 2)
            : QuickEntryMessage.Read(context.Text);
        if (message is null)
        {
            return false;
        }

        var person = context.Person;

        var scope = RolePolicy.ScopeOf(person)!;
        var today = RegionClock.Today(regions, scope, clock.GetUtcNow());
        var result = parser.Parse(message, scope, today);
        if (result.Blank)
        {
            context.Replies.AddRange(QuickEntryTemplate.For(regions, scope, context.Language));
            return true;
        }

        if (!result.Ok)
        {
            context.Reply(QuickEntryTexts.Errors(result.Errors).In(context.Language));
            return true;
        }

        var saved = await records.SaveUmkmAsync(result.Answers, Submitter.Staff(person, scope), cancellationToken);
        if (saved.IsRefused)
        {
            context.Reply(WriteRefusalTexts.For(saved.Refused!, regions));
            return true;
        }

        var village = regions.Find(saved.Record.KodeDesa)?.Name ?? saved.Record.KodeDesa;
        context.Reply(QuickEntryTexts.Saved(saved, village, result.Notes).In(context.Language));
        return true;
    }
}

internal static class QuickEntryTexts
{
    public static UserText Errors(IReadOnlyList<QuickEntryError> errors)
    {
        var lines = string.Join('\n', errors.Select(e => "• " + e.Message.Id));
        var linesEn = string.Join('\n', errors.Select(e => "• " + e.Message.En));
        return new UserText(
            $"❌ Belum disimpan. Perbaiki lalu kirim lagi seluruh pesannya:\n{lines}",
            $"❌ Not saved. Fix it and send the whole message again:\n{linesEn}");
    }

    public static UserText Saved(SavedRecord saved, string village, IReadOnlyList<UserText> notes)
    {
        var record = saved.Record!;
        var what = $"{record.NamaUsaha} ({village})" + (record.Skala is { } skala ? $", {skala}" : "");
        var text = saved.Updated
            ? new UserText($"✅ Diperbarui: {record.RegistrationNumber} (tidak dihitung dua kali) — {what}",
                $"✅ Updated: {record.RegistrationNumber} (not counted twice) — {what}")
            : new UserText($"✅ Tersimpan: {record.RegistrationNumber} — {what}", $"✅ Saved: {record.RegistrationNumber} — {what}");
        text = record.Status switch
        {
            RecordStatus.Flagged => text.Append(new UserText(
                $"⚠️ Ditandai untuk ditinjau koordinator: {record.FlagReason}",
                $"⚠️ Flagged for a coordinator's review: {record.FlagReason}"), "\n"),
            RecordStatus.Rejected or RecordStatus.Duplicate => text.Append(new UserText(
                "Catatan: data ini sebelumnya ditolak koordinator, jadi tidak dihitung.",
                "Note: a coordinator rejected this record earlier, so it is not counted."), "\n"),
            _ => text,
        };
        foreach (var note in notes)
        {
            text = text.Append(new UserText("Catatan: ", "Note: ").Append(note, ""), "\n");
        }

        return text;
    }
}
