using System.Globalization;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records;

/// <summary>
/// Reads and writes a <see cref="KoperasiRecord"/> by contract field id, from canonical answer strings
/// (as the engine, quick entry and import produce them), like <see cref="UmkmFields"/> does for UMKM.
/// </summary>
internal static class KoperasiFields
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly Dictionary<string, (Func<KoperasiRecord, string?> Get, Action<KoperasiRecord, string?> Set)> Map =
        new(StringComparer.Ordinal)
        {
            ["nama_koperasi"] = (r => r.NamaKoperasi, (r, v) =>
            {
                r.NamaKoperasi = v ?? "";
                r.NamaKoperasiNormal = BusinessName.Normalize(r.NamaKoperasi);
            }),
            ["no_badan_hukum"] = (r => r.NoBadanHukum, (r, v) =>
            {
                r.NoBadanHukum = v;
                r.NoBadanHukumNormal = LegalEntityNumber.Normalize(v);
            }),
            ["tgl_badan_hukum"] = (r => r.TglBadanHukum?.ToString("yyyy-MM-dd", Inv), (r, v) => r.TglBadanHukum = Date(v)),
            ["nik_koperasi"] = (r => r.NikKoperasi, (r, v) => r.NikKoperasi = v),
            ["nib"] = (r => r.Nib, (r, v) => r.Nib = v),
            ["bentuk_kop"] = (r => r.BentukKop, (r, v) => r.BentukKop = v),
            ["jenis_kop"] = (r => r.JenisKop, (r, v) => r.JenisKop = v),
            ["pola"] = (r => r.Pola, (r, v) => r.Pola = v),
            ["kegiatan"] = (r => r.Kegiatan, (r, v) => r.Kegiatan = v),
            ["kbli"] = (r => r.Kbli, (r, v) =>
            {
                r.Kbli = v;
                r.KbliSection = v is null ? null : Validation.KbliParser.Parse(v).Value?.Section.ToString();
            }),
            ["kode_desa"] = (r => r.KodeDesa, SetVillage),
            ["alamat"] = (r => r.Alamat, (r, v) => r.Alamat = v),
            ["lat"] = (r => r.Lat?.ToString("0.######", Inv), (r, v) => r.Lat = Double(v)),
            ["lon"] = (r => r.Lon?.ToString("0.######", Inv), (r, v) => r.Lon = Double(v)),
            [FieldIds.Location] = (r => r.Lat is null || r.Lon is null ? null : $"{r.Lat.Value.ToString("0.######", Inv)},{r.Lon.Value.ToString("0.######", Inv)}", SetLocation),
            ["anggota_l"] = (r => r.AnggotaL?.ToString(Inv), (r, v) => r.AnggotaL = Int(v)),
            ["anggota_p"] = (r => r.AnggotaP?.ToString(Inv), (r, v) => r.AnggotaP = Int(v)),
            ["karyawan"] = (r => r.Karyawan?.ToString(Inv), (r, v) => r.Karyawan = Int(v)),
            ["aktif"] = (r => r.Aktif, (r, v) => r.Aktif = v),
            ["rat_terakhir"] = (r => r.RatTerakhir?.ToString(Inv), (r, v) => r.RatTerakhir = Int(v)),
            ["volume_usaha"] = (r => r.VolumeUsaha?.ToString(Inv), (r, v) => r.VolumeUsaha = Long(v)),
            ["aset"] = (r => r.Aset?.ToString(Inv), (r, v) => r.Aset = Long(v)),
            ["modal_sendiri"] = (r => r.ModalSendiri?.ToString(Inv), (r, v) => r.ModalSendiri = Long(v)),
            ["shu"] = (r => r.Shu?.ToString(Inv), (r, v) => r.Shu = Long(v)),
            ["nama_pengurus"] = (r => r.NamaPengurus, (r, v) => r.NamaPengurus = v),
            ["jabatan_pengurus"] = (r => r.JabatanPengurus, (r, v) => r.JabatanPengurus = v),
            ["hp"] = (r => r.Hp, (r, v) => r.Hp = v),
            ["waktu_kirim"] = (r => r.WaktuKirim.ToString("yyyy-MM-dd'T'HH:mm:sszzz", Inv), (r, v) =>
            {
                if (v is not null)
                {
                    r.WaktuKirim = DateTimeOffset.Parse(v, Inv);
                }
            }),
            ["sumber"] = (r => r.Sumber, (r, v) => r.Sumber = v ?? RecordSources.Mandiri),
            ["enumerator"] = (r => r.Enumerator, (r, v) => r.Enumerator = v),
        };

    public static bool IsKnown(string fieldId) => Map.ContainsKey(fieldId);

    public static string? Get(KoperasiRecord record, string fieldId) =>
        Map.TryGetValue(fieldId, out var f) ? f.Get(record) : throw new ArgumentException($"unknown field '{fieldId}'", nameof(fieldId));

    /// <summary>Applies answers to a record; an empty value clears the field.</summary>
    public static void Apply(KoperasiRecord record, IReadOnlyDictionary<string, string> answers)
    {
        foreach (var (field, value) in answers)
        {
            if (Map.TryGetValue(field, out var f))
            {
                f.Set(record, string.IsNullOrEmpty(value) ? null : value);
            }
        }
    }

    private static void SetVillage(KoperasiRecord r, string? code)
    {
        r.KodeDesa = code ?? "";
        var parts = r.KodeDesa.Split('.');
        r.KodeProvinsi = parts.Length > 0 ? parts[0] : "";
        r.KodeKabupaten = parts.Length > 1 ? string.Join('.', parts[..2]) : "";
        r.KodeKecamatan = parts.Length > 2 ? string.Join('.', parts[..3]) : "";
    }

    private static void SetLocation(KoperasiRecord r, string? value)
    {
        var parts = value?.Split(',') ?? [];
        r.Lat = parts.Length == 2 ? Double(parts[0]) : null;
        r.Lon = parts.Length == 2 ? Double(parts[1]) : null;
    }

    private static DateOnly? Date(string? v) =>
        DateOnly.TryParseExact(v, "yyyy-MM-dd", Inv, DateTimeStyles.None, out var d) ? d : null;

    private static int? Int(string? v) => int.TryParse(v, NumberStyles.Integer, Inv, out var i) ? i : null;

    private static long? Long(string? v) => long.TryParse(v, NumberStyles.Integer, Inv, out var i) ? i : null;

    private static double? Double(string? v) => double.TryParse(v, NumberStyles.Float, Inv, out var d) ? d : null;
}
