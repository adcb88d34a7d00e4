using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Importing;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Exports;

/// <summary>
/// Writes the single database of a region as CSV (UTF-8 with BOM, so Excel reads Indonesian text) or XLSX (see
/// <see cref="XlsxSheetWriter"/>),
/// streaming: records are read untracked one by one and written straight to the output, so a million of them
/// never sit in memory. Only records that count (active or under review) are exported; values are canonical
/// (money as plain rupiah, <c>waktu_kirim</c> ISO 8601 with the region's offset, multiple choices comma-joined).
/// </summary>
internal sealed class RecordExporter(BotDbContext db, RegionCatalog regions)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly Dictionary<string, TimeSpan> _offsets = new(StringComparer.Ordinal);
    private Dictionary<string, string> _enumerators = [];

    public Task<int> CountAsync(ExportRequest request, CancellationToken ct) => request.Kind == RecordKind.Koperasi
        ? Koperasi(request.RegionCode).CountAsync(ct)
        : Umkm(request.RegionCode).CountAsync(ct);

    /// <summary>Writes the export to <paramref name="output"/> (left open) and returns the number of records.</summary>
    public async Task<int> WriteAsync(ExportRequest request, Stream output, CancellationToken ct)
    {
        var columns = ExportColumns.For(request.Kind);
        _enumerators = await db.People.AsNoTracking()
            .Where(p => p.Role != PersonRole.Owner && p.Name != null)
            .ToDictionaryAsync(p => p.Id.ToString(Inv), p => p.Name!, ct);
        return request.Format == ExportFormat.Xlsx
            ? await WriteXlsxAsync(request, columns, output, ct)
            : await WriteCsvAsync(request, columns, output, ct);
    }

    private async Task<int> WriteCsvAsync(ExportRequest request, IReadOnlyList<string> columns, Stream output, CancellationToken ct)
    {
        var count = 0;
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        await using var csv = new CsvWriter(writer, new CsvConfiguration(Inv)
        {
            Delimiter = request.Delimiter.ToString(),
            NewLine = "\r\n",
            // With NewLine set, CsvHelper quotes only a field holding "\r\n"; a bare \n or \r (an address typed over
            // two lines in a spreadsheet) would break the row for every reader.
            ShouldQuote = args => ConfigurationFunctions.ShouldQuote(args) || args.Field.AsSpan().IndexOfAny('\r', '\n') >= 0,
        });
        foreach (var column in columns)
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        await foreach (var row in RowsAsync(request, columns, ct))
        {
            foreach (var value in row)
            {
                csv.WriteField(value is null ? "" : CsvFormulaGuard.Guard(value));
            }

            await csv.NextRecordAsync();
            count++;
        }

        await csv.FlushAsync();
        return count;
    }

    private async Task<int> WriteXlsxAsync(ExportRequest request, IReadOnlyList<string> columns, Stream output, CancellationToken ct)
    {
        var count = 0;
        await using var sheet = await XlsxSheetWriter.StartAsync(output, request.Kind == RecordKind.Koperasi ? "koperasi" : "umkm", columns, ct);
        await foreach (var row in RowsAsync(request, columns, ct))
        {
            await sheet.AddRowAsync(row, ct);
            count++;
        }

        await sheet.FinishAsync(ct);
        return count;
    }

    private async IAsyncEnumerable<string?[]> RowsAsync(ExportRequest request, IReadOnlyList<string> columns, [EnumeratorCancellation] CancellationToken ct)
    {
        if (request.Kind == RecordKind.Koperasi)
        {
            await foreach (var record in Koperasi(request.RegionCode).OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
            {
                yield return Row(record, columns, request.WithNik);
            }
        }
        else
        {
            await foreach (var record in Umkm(request.RegionCode).OrderBy(r => r.Id).AsAsyncEnumerable().WithCancellation(ct))
            {
                yield return Row(record, columns, request.WithNik);
            }
        }
    }

    private string?[] Row(IRegisteredRecord record, IReadOnlyList<string> columns, bool withNik)
    {
        var row = new string?[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            row[i] = columns[i] switch
            {
                RecordColumns.RegistrationNumber => record.RegistrationNumber,
                RecordColumns.KodeProvinsi => record.KodeProvinsi,
                RecordColumns.KodeKabupaten => record.KodeKabupaten,
                RecordColumns.KodeKecamatan => record.KodeKecamatan,
                RecordColumns.NamaProvinsi => NameOf(record.KodeProvinsi),
                RecordColumns.NamaKabupaten => NameOf(record.KodeKabupaten),
                RecordColumns.NamaKecamatan => NameOf(record.KodeKecamatan),
                RecordColumns.NamaDesa => NameOf(record.KodeDesa),
                RecordColumns.NamaEnumerator => RecordSnapshots.Get(record, "enumerator") is { } id ? _enumerators.GetValueOrDefault(id) : null,
                RecordColumns.Skala => (record as UmkmRecord)?.Skala,
                "waktu_kirim" => Local(record.WaktuKirim, record.KodeKabupaten),
                "nik" when !withNik => Mask(RecordSnapshots.Get(record, "nik")),
                var field => RecordSnapshots.Get(record, field),
            };
        }

        return row;
    }

    private string? NameOf(string code) => regions.Find(code)?.Name;

    private static string? Mask(string? nik) => nik is null ? null : NikParser.Mask(nik);

    private string Local(DateTimeOffset at, string regencyCode)
    {
        // Indonesia has no daylight saving: one offset per regency, looked up once per export.
        if (!_offsets.TryGetValue(regencyCode, out var offset))
        {
            TimeZoneInfo zone;
            try
            {
                zone = regions.TimeZoneOf(regencyCode);
            }
            catch (ArgumentException)
            {
                zone = RegionTimeZones.Wib;
            }

            _offsets[regencyCode] = offset = zone.BaseUtcOffset;
        }

        return at.ToOffset(offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", Inv);
    }

    private IQueryable<UmkmRecord> Umkm(string region) => Counted(db.UmkmRecords, region);

    private IQueryable<KoperasiRecord> Koperasi(string region) => Counted(db.KoperasiRecords, region);

    /// <summary>The records that count (active and flagged) in a region, of either kind.</summary>
    private static IQueryable<T> Counted<T>(IQueryable<T> records, string region)
        where T : class, IRegisteredRecord
    {
        var query = records.AsNoTracking().Where(r => r.Status == RecordStatus.Active || r.Status == RecordStatus.Flagged);
        return RegionCodes.LevelOf(region) switch
        {
            RegionLevel.Province => query.Where(r => r.KodeProvinsi == region),
            RegionLevel.Regency => query.Where(r => r.KodeKabupaten == region),
            RegionLevel.District => query.Where(r => r.KodeKecamatan == region),
            RegionLevel.Village => query.Where(r => r.KodeDesa == region),
            _ => query,
        };
    }
}
