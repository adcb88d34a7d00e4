using System.Globalization;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records;

/// <summary>
/// Reads and writes a <see cref="UmkmRecord"/> by contract field id, from canonical answer strings
/// (as the engine, quick entry and import produce them). One place, so every path maps fields alike.
/// </summary>
internal static class UmkmFields
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly Dictionary<string, (Func<UmkmRecord, string?> Get, Action<UmkmRecord, string?> Set)> Map =
        new(StringComparer.Ordinal)
        {
            ["nik"] = (r => r.Nik, (r, v) => r.Nik = v),
            ["nama_pemilik"] = (r => r.NamaPemilik, (r, v) => r.NamaPemilik = v),
            ["jenis_kelamin"] = (r => r.JenisKelamin, (r, v) => r.JenisKelamin = v),
            ["hp"] = (r => r.Hp, (r, v) => r.Hp = v),
            ["nama_usaha"] = (r => r.NamaUsaha, (r, v) =>
            {
                r.NamaUsaha = v ?? "";
                r.NamaUsahaNormal = BusinessName.Normalize(r.NamaUsaha);
            }),
            ["kegiatan"] = (r => r.Kegiatan, (r, v) => r.Kegiatan = v),
            ["kbli"] = (r => r.Kbli, (r, v) =>
            {
                r.Kbli = v;
                r.KbliSection = v is null ? null : Validation.KbliParser.Parse(v).Value?.Section.ToString();
            }),
            ["tahun_mulai"] = (r => r.TahunMulai?.ToString(Inv), (r, v) => r.TahunMulai = Int(v)),
            ["tempat"] = (r => r.Tempat, (r, v) => r.Tempat = v),
            ["bentuk"] = (r => r.Bentuk, (r, v) => r.Bentuk = v),
            ["nib"] = (r => r.Nib, (r, v) => r.Nib = v),
            ["kode_desa"] = (r => r.KodeDesa, SetVillage),
            ["alamat"] = (r => r.Alamat, (r, v) => r.Alamat = v),
            ["lat"] = (r => r.Lat?.ToString("0.######", Inv), (r, v) => r.Lat = Double(v)),
            ["lon"] = (r => r.Lon?.ToString("0.######", Inv), (r, v) => r.Lon = Double(v)),
            [FieldIds.Location] = (r => r.Lat is null || r.Lon is null ? null : $"{r.Lat.Value.ToString("0.######", Inv)},{r.Lon.Value.ToString("0.######", Inv)}", SetLocation),
            ["foto"] = (r => r.Foto, (r, v) =>
            {
                r.Foto = v;
                r.FotoType = Media.MediaReference.MimeTypeOf(v);
            }),
            ["tk_total"] = (r => r.TkTotal?.ToString(Inv), (r, v) => r.TkTotal = Int(v)),
            ["tk_dibayar"] = (r => r.TkDibayar?.ToString(Inv), (r, v) => r.TkDibayar = Int(v)),
            ["tk_perempuan"] = (r => r.TkPerempuan?.ToString(Inv), (r, v) => r.TkPerempuan = Int(v)),
            ["omzet_tahunan"] = (r => r.OmzetTahunan?.ToString(Inv), (r, v) => r.OmzetTahunan = Long(v)),
            ["modal"] = (r => r.Modal?.ToString(Inv), (r, v) => r.Modal = Long(v)),
            ["aset"] = (r => r.Aset?.ToString(Inv), (r, v) => r.Aset = Long(v)),
            ["cara_jual"] = (r => r.CaraJual, (r, v) => r.CaraJual = v),
            ["kanal_online"] = (r => r.KanalOnline, (r, v) => r.KanalOnline = v),
            ["sumber_modal"] = (r => r.SumberModal, (r, v) => r.SumberModal = v),
            ["anggota_kop"] = (r => r.AnggotaKop, (r, v) => r.AnggotaKop = v),
            ["nama_kop"] = (r => r.NamaKop, (r, v) => r.NamaKop = v),
            ["waktu_kirim"] = (r => r.WaktuKirim.ToString("yyyy-MM-dd'T'HH:mm:sszzz", Inv), (r, v) =>
            {
                if (v is not null)
                {
                    r.WaktuKirim = IsoTime.TryParse(v, out var at) ? at : DateTimeOffset.Parse(v, Inv);
                }
            }),
            ["sumber"] = (r => r.Sumber, (r, v) => r.Sumber = v ?? RecordSources.Mandiri),
            ["enumerator"] = (r => r.Enumerator, (r, v) => r.Enumerator = v),
            ["skala"] = (r => r.Skala, (r, v) => r.Skala = v),
        };

    public static bool IsKnown(string fieldId) => Map.ContainsKey(fieldId);

    public static string? Get(UmkmRecord record, string fieldId) =>
        Map.TryGetValue(fieldId, out var f) ? f.Get(record) : throw new ArgumentException($"unknown field '{fieldId}'", nameof(fieldId));

    /// <summary>Applies answers to a record, then recomputes the derived fields.</summary>
    public static void Apply(UmkmRecord record, IReadOnlyDictionary<string, string> answers)
    {
        foreach (var (field, value) in answers)
        {
            if (Map.TryGetValue(field, out var f))
            {
                f.Set(record, string.IsNullOrEmpty(value) ? null : value);
            }
        }

        record.Skala = SizeClass.Classify(record.OmzetTahunan, record.Modal, record.TahunMulai);
    }

    private static void SetVillage(UmkmRecord r, string? code)
    {
        r.KodeDesa = code ?? "";
        if (Regions.RegionCodes.IsValid(r.KodeDesa) && r.KodeDesa.Length == 13)
        {
            // A canonical village code: the levels above are its fixed-width prefixes.
            r.KodeProvinsi = r.KodeDesa[..2];
            r.KodeKabupaten = r.KodeDesa[..5];
            r.KodeKecamatan = r.KodeDesa[..8];
            return;
        }

        var parts = r.KodeDesa.Split('.');
        r.KodeProvinsi = parts.Length > 0 ? parts[0] : "";
        r.KodeKabupaten = parts.Length > 1 ? string.Join('.', parts[..2]) : "";
        r.KodeKecamatan = parts.Length > 2 ? string.Join('.', parts[..3]) : "";
    }

    private static void SetLocation(UmkmRecord r, string? value)
    {
        var parts = value?.Split(',') ?? [];
        r.Lat = parts.Length == 2 ? Double(parts[0]) : null;
        r.Lon = parts.Length == 2 ? Double(parts[1]) : null;
    }

    private static int? Int(string? v) => int.TryParse(v, NumberStyles.Integer, Inv, out var i) ? i : null;

    private static long? Long(string? v) => long.TryParse(v, NumberStyles.Integer, Inv, out var i) ? i : null;

    private static double? Double(string? v) => double.TryParse(v, NumberStyles.Float, Inv, out var d) ? d : null;
}
