using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Records;

/// <summary>
/// What a person is told when <see cref="RecordAccess"/> refused a write. Never the other record's number, name or
/// owner: at most the region it is registered in, and whom to ask.
/// </summary>
internal static class WriteRefusalTexts
{
    /// <summary>An owner's registration that matched a record that is not (yet) theirs.</summary>
    public static readonly UserText Claim = new(
        "Terima kasih, jawaban Anda sudah kami terima. Usaha ini sudah tercatat di basis data PL-KUMKM, jadi koordinator wilayah akan memeriksa dulu bahwa Anda pemiliknya sebelum data diubah. Kami kabari di sini setelah diperiksa.",
        "Thank you, we have your answers. This business is already in the PL-KUMKM database, so a regional coordinator will first check that you are its owner before anything is changed. We will tell you here once it is checked.");

    public static UserText For(WriteRefusal refusal, RegionCatalog regions)
    {
        var region = regions.Find(refusal.Regency)?.FullName ?? refusal.Regency;
        return refusal.Verdict switch
        {
            WriteVerdict.Claim => Claim,
            WriteVerdict.OtherRegion => new UserText(
                $"❌ Tidak disimpan: usaha ini sudah terdaftar di {region}, di luar wilayah Anda. Tidak ada yang diubah. Jika datanya perlu diperbaiki, sampaikan ke koordinator {region} (lewat koordinator Anda atau admin).",
                $"❌ Not saved: this business is already registered in {region}, outside your region. Nothing was changed. If its data needs a correction, tell the coordinator of {region} (through your coordinator or the admin)."),
            WriteVerdict.RegionMove => new UserText(
                $"❌ Tidak disimpan: usaha ini terdaftar di {region}, dan data tidak bisa dipindah ke kabupaten/kota lain lewat perubahan. Tidak ada yang diubah. Jika usahanya memang pindah, hubungi koordinator {region}.",
                $"❌ Not saved: this business is registered in {region}, and an update cannot move it to another regency or city. Nothing was changed. If the business really moved, contact the coordinator of {region}."),
            _ => new UserText(
                $"❌ Tidak disimpan: desanya ({region}) di luar wilayah kerja Anda. Periksa kode atau nama desanya.",
                $"❌ Not saved: the village ({region}) is outside your working region. Check the village code or name."),
        };
    }
}
