using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records;

namespace PLKumkm.Bot.Exports;

/// <summary>How a spreadsheet shows a column: XLSX cells get a type and number format from it; CSV stays canonical.</summary>
internal enum ColumnFormat
{
    Text,

    /// <summary>Rupiah and counts: whole numbers with thousands separators.</summary>
    Amount,

    /// <summary>A year: a whole number without separators (2019, not 2.019).</summary>
    Year,

    /// <summary>Latitude/longitude: six decimals.</summary>
    Coordinate,

    /// <summary><c>waktu_kirim</c>: the region's local date and time.</summary>
    DateTime,

    Date,
}

/// <summary>
/// The columns of an export: the registration number, then exactly the contract's field ids (so the file can be
/// imported again with <c>records import</c>), then what is derived for people reading it (the enumerator's name, the
/// size class, the region codes above the village and the names of all four levels).
/// </summary>
internal static class ExportColumns
{
    public const string RegistrationNumber = "no_registrasi";
    public const string NamaEnumerator = "nama_enumerator";
    public const string Skala = "skala";
    public const string KodeProvinsi = "kode_provinsi";
    public const string NamaProvinsi = "nama_provinsi";
    public const string KodeKabupaten = "kode_kabupaten";
    public const string NamaKabupaten = "nama_kabupaten";
    public const string KodeKecamatan = "kode_kecamatan";
    public const string NamaKecamatan = "nama_kecamatan";
    public const string NamaDesa = "nama_desa";

    private static readonly IReadOnlyList<string> RegionColumns =
        [KodeProvinsi, NamaProvinsi, KodeKabupaten, NamaKabupaten, KodeKecamatan, NamaKecamatan, NamaDesa];

    private static readonly IReadOnlyList<string> UmkmColumns =
        [RegistrationNumber, .. FieldIds.Umkm, NamaEnumerator, Skala, .. RegionColumns];

    private static readonly IReadOnlyList<string> KoperasiColumns =
        [RegistrationNumber, .. FieldIds.Koperasi, NamaEnumerator, .. RegionColumns];

    private static readonly IReadOnlyDictionary<string, ColumnFormat> Formats = new Dictionary<string, ColumnFormat>(StringComparer.Ordinal)
    {
        ["tk_total"] = ColumnFormat.Amount, ["tk_dibayar"] = ColumnFormat.Amount, ["tk_perempuan"] = ColumnFormat.Amount,
        ["omzet_tahunan"] = ColumnFormat.Amount, ["modal"] = ColumnFormat.Amount, ["aset"] = ColumnFormat.Amount,
        ["anggota_l"] = ColumnFormat.Amount, ["anggota_p"] = ColumnFormat.Amount, ["karyawan"] = ColumnFormat.Amount,
        ["volume_usaha"] = ColumnFormat.Amount, ["modal_sendiri"] = ColumnFormat.Amount, ["shu"] = ColumnFormat.Amount,
        ["tahun_mulai"] = ColumnFormat.Year, ["rat_terakhir"] = ColumnFormat.Year,
        ["lat"] = ColumnFormat.Coordinate, ["lon"] = ColumnFormat.Coordinate,
        ["waktu_kirim"] = ColumnFormat.DateTime, ["tgl_badan_hukum"] = ColumnFormat.Date,
    };

    public static IReadOnlyList<string> For(RecordKind kind) => kind == RecordKind.Koperasi ? KoperasiColumns : UmkmColumns;

    /// <summary>The export's columns that are not field ids: an import of an exported file skips them.</summary>
    public static IReadOnlyList<string> Derived(RecordKind kind) =>
        [.. For(kind).Except(kind == RecordKind.Koperasi ? FieldIds.Koperasi : FieldIds.Umkm, StringComparer.Ordinal)];

    public static ColumnFormat FormatOf(string column) => Formats.GetValueOrDefault(column, ColumnFormat.Text);

    /// <summary>A width (in characters) that fits what the column typically holds, so the sheet opens readable.</summary>
    public static double WidthOf(string column) => column switch
    {
        "nama_pemilik" or "nama_usaha" or "nama_koperasi" or "nama_pengurus" or NamaEnumerator or NamaDesa
            or NamaKecamatan or NamaKabupaten or NamaProvinsi => 26,
        "alamat" or "kegiatan" or "kanal_online" or "no_badan_hukum" => 34,
        RegistrationNumber or "nik" or "nik_koperasi" or "nib" => 20,
        _ => FormatOf(column) switch
        {
            ColumnFormat.DateTime => 20,
            ColumnFormat.Amount or ColumnFormat.Coordinate => 16,
            _ => Math.Max(10, column.Length + 2),
        },
    };
}
