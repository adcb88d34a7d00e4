using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Staff.Review;

internal static class ReviewTexts
{
    public static readonly UserText Usage = new(
        "Cara meninjau: /tinjau (data berikutnya), /tinjau setuju <no>, /tinjau tolak <no> <alasan>; untuk koperasi: /tinjau setuju kop <no>, /tinjau tolak kop <no> <alasan>; permintaan hapus data: /tinjau setuju hapus <no>, /tinjau tolak hapus <no> <alasan>.",
        "How to review: /tinjau (next record), /tinjau setuju <no> (approve), /tinjau tolak <no> <reason> (reject); for a cooperative: /tinjau setuju kop <no>, /tinjau tolak kop <no> <reason>; erasure requests: /tinjau setuju hapus <no> (erase), /tinjau tolak hapus <no> <reason> (decline).");

    public static readonly UserText NotYours = new(
        "Data itu tidak ada di wilayah Anda.",
        "That record is not in your region.");

    public static UserText NothingLeft(string region) => new(
        $"✅ Tidak ada data yang perlu ditinjau di {region}.",
        $"✅ Nothing to review in {region}.");

    public static UserText AlreadyDecided(string number, RecordStatus status) => status switch
    {
        RecordStatus.Active => new($"{number} sudah disetujui.", $"{number} is already approved."),
        RecordStatus.Duplicate => new($"{number} sudah ditandai duplikat.", $"{number} is already marked a duplicate."),
        RecordStatus.Rejected => new($"{number} sudah ditolak.", $"{number} is already rejected."),
        _ => new($"{number} tidak perlu ditinjau.", $"{number} does not need a review."),
    };

    public static UserText AskReason(string number, string target) => new(
        $"Mengapa {number} ditolak? Pilih alasan, atau ketik: /tinjau tolak {target} <alasan>",
        $"Why is {number} rejected? Pick a reason, or type: /tinjau tolak {target} <reason>");

    public static UserText Decided(string number, ReviewOutcome outcome, string? reason) => outcome switch
    {
        ReviewOutcome.Approved => new($"✅ {number} disetujui (tetap dihitung).", $"✅ {number} approved (still counted)."),
        ReviewOutcome.Duplicate => new($"🗂 {number} ditandai duplikat (tidak dihitung).", $"🗂 {number} marked a duplicate (not counted)."),
        _ => new($"❌ {number} ditolak: {reason} (tidak dihitung).", $"❌ {number} rejected: {reason} (not counted)."),
    };

    public static UserText Card(UmkmRecord r, int waiting, string village, string? enumerator, DateOnly sentDay)
    {
        var figures = string.Join(" · ", new[]
        {
            r.Kbli is null ? null : $"KBLI {r.Kbli}",
            r.TkTotal is null ? null : $"{MoneyFormat.Grouped(r.TkTotal.Value)} pekerja",
            r.OmzetTahunan is null ? null : $"omzet {MoneyFormat.Rupiah(r.OmzetTahunan.Value)}/th",
            r.Skala,
        }.Where(f => f is not null));
        var nik = r.Nik is null ? "-" : NikParser.Mask(r.Nik);
        var by = enumerator is null ? r.Sumber : $"{enumerator} ({r.Sumber})";
        var sent = DateParser.Format(sentDay);
        return new UserText(
            $"""
            🔎 Perlu ditinjau ({waiting} menunggu)
            *{r.RegistrationNumber}* — {r.NamaUsaha}
            Pemilik: {r.NamaPemilik} (NIK {nik})
            Desa: {village}
            {figures}
            Dikirim {sent} oleh {by}
            Alasan: {r.FlagReason}
            """,
            $"""
            🔎 To review ({waiting} waiting)
            *{r.RegistrationNumber}* — {r.NamaUsaha}
            Owner: {r.NamaPemilik} (NIK {nik})
            Village: {village}
            {figures}
            Sent {sent} by {by}
            Reason: {r.FlagReason}
            """);
    }

    public static UserText Card(KoperasiRecord r, int waiting, string village, string? enumerator, DateOnly sentDay, UserText? position)
    {
        var members = r.AnggotaL is null && r.AnggotaP is null ? (int?)null : (r.AnggotaL ?? 0) + (r.AnggotaP ?? 0);
        var figures = string.Join(" · ", new[]
        {
            r.Kbli is null ? null : $"KBLI {r.Kbli}",
            members is null ? null : $"{MoneyFormat.Grouped(members.Value)} anggota",
            r.VolumeUsaha is null ? null : $"volume {MoneyFormat.Rupiah(r.VolumeUsaha.Value)}/th",
        }.Where(f => f is not null));
        var officer = r.NamaPengurus ?? "-";
        var by = enumerator is null ? r.Sumber : $"{enumerator} ({r.Sumber})";
        var sent = DateParser.Format(sentDay);
        return new UserText(
            $"""
            🔎 Perlu ditinjau ({waiting} menunggu)
            *{r.RegistrationNumber}* — {r.NamaKoperasi} (koperasi)
            Pengurus: {officer}{(position is null ? "" : $" ({position.Id})")}
            No. badan hukum: {r.NoBadanHukum ?? "-"}
            Desa: {village}
            {figures}
            Dikirim {sent} oleh {by}
            Alasan: {r.FlagReason}
            """,
            $"""
            🔎 To review ({waiting} waiting)
            *{r.RegistrationNumber}* — {r.NamaKoperasi} (cooperative)
            Officer: {officer}{(position is null ? "" : $" ({position.En})")}
            Legal entity no.: {r.NoBadanHukum ?? "-"}
            Village: {village}
            {figures}
            Sent {sent} by {by}
            Reason: {r.FlagReason}
            """);
    }
}
