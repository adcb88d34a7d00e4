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
/// imported again with <c>records import</c>), then what is derived for people reading it (<see cref="RecordColumns"/>).
/// </summary>
internal static class ExportColumns
{
    private static readonly IReadOnlyList<string> UmkmColumns =
        [RecordColumns.RegistrationNumber, .. FieldIds.Umkm, .. RecordColumns.AfterFields(RecordKind.Umkm)];

    private static readonly IReadOnlyList<string> KoperasiColumns =
        [RecordColumns.RegistrationNumber, .. FieldIds.Koperasi, .. RecordColumns.AfterFields(RecordKind.Koperasi)];

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

    public static ColumnFormat FormatOf(string column) => Formats.GetValueOrDefault(column, ColumnFormat.Text);

    /// <summary>A width (in characters) that fits what the column typically holds, so the sheet opens readable.</summary>
    public static double WidthOf(string column) => column switch
    {
        "nama_pemilik" or "nama_usaha" or "nama_koperasi" or "nama_pengurus" or RecordColumns.NamaEnumerator
            or RecordColumns.NamaDesa or RecordColumns.NamaKecamatan or RecordColumns.NamaKabupaten or RecordColumns.NamaProvinsi => 26,
        "alamat" or "kegiatan" or "kanal_online" or "no_badan_hukum" => 34,
        RecordColumns.RegistrationNumber or "nik" or "nik_koperasi" or "nib" => 20,
        _ => FormatOf(column) switch
        {
            ColumnFormat.DateTime => 20,
            ColumnFormat.Amount or ColumnFormat.Coordinate => 16,
            _ => Math.Max(10, column.Length + 2),
        },
    };
}
