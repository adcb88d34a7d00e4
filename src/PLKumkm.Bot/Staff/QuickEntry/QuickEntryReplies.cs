using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Staff.QuickEntry;

/// <summary>A quick entry written (or refused) by <see cref="RecordWriter"/>, whatever its kind; <see cref="Skala"/> only for a business.</summary>
internal sealed record QuickEntrySaved(IRegisteredRecord? Record, bool Updated, WriteRefusal? Refused, string? Skala)
{
    public static QuickEntrySaved From(SavedRecord saved) => new(saved.Record, saved.Updated, saved.Refused, saved.Record?.Skala);

    public static QuickEntrySaved From(SavedKoperasi saved) => new(saved.Record, saved.Updated, saved.Refused, null);
}

/// <summary>The replies to a quick entry: what is wrong, one line per field, or what was stored.</summary>
internal static class QuickEntryReplies
{
    public static UserText Errors(IReadOnlyList<QuickEntryError> errors)
    {
        var lines = string.Join('\n', errors.Select(e => "• " + e.Message.Id));
        var linesEn = string.Join('\n', errors.Select(e => "• " + e.Message.En));
        return new UserText(
            $"❌ Belum disimpan. Perbaiki lalu kirim lagi seluruh pesannya:\n{lines}",
            $"❌ Not saved. Fix it and send the whole message again:\n{linesEn}");
    }

    public static UserText Saved(QuickEntrySaved saved, string village, IReadOnlyList<UserText> notes)
    {
        var record = saved.Record!;
        var what = $"{record.BusinessName} ({village})" + (saved.Skala is { } skala ? $", {skala}" : "");
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
