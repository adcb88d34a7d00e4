using System.CommandLine;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Exports;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Hosting.Verbs;

/// <summary>
/// <c>records export --region CODE --format csv|xlsx --out FILE [--with-nik] [--kind umkm|koperasi]</c>: the single
/// database of a region, streamed to a file (see <see cref="RecordExporter"/>). NIKs are masked unless <c>--with-nik</c>.
/// </summary>
internal static class RecordsExportVerb
{
    public static Command Create()
    {
        var region = new Option<string>("--region") { Description = "Region code (16, 16.01, …), a name as progress takes it (Sumsel, OKU), or 'all' for Indonesia", Required = true };
        var delimiter = new Option<string>("--delimiter") { Description = "CSV separator: , (default) ; or tab", DefaultValueFactory = _ => "," };
        delimiter.AcceptOnlyFromAmong(",", ";", "tab");
        var format = new Option<string>("--format") { Description = "csv (default) or xlsx", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string>("--out") { Description = "File to write", Required = true };
        var withNik = new Option<bool>("--with-nik") { Description = "Write NIKs in full (masked otherwise)" };
        var kind = new Option<string>("--kind") { Description = "umkm (default) or koperasi", DefaultValueFactory = _ => "umkm" };
        kind.AcceptOnlyFromAmong("umkm", "koperasi");
        var command = new Command("export", "Write the records of a region as CSV or XLSX (columns = field ids)")
        {
            region, format, output, withNik, kind, delimiter,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, ct) => VerbRunner.RunAsync(result, async (services, console, token) =>
        {
            var regions = services.GetRequiredService<RegionCatalog>();
            var code = ExportScope.Parse(result.GetValue(region), regions, services.GetRequiredService<RegionResolver>())
                ?? throw new VerbException($"unknown or ambiguous region '{result.GetValue(region)}': give a Kemendagri code such as 16.01, a name such as Sumsel or OKU, or 'all' for Indonesia");
            var request = new ExportRequest(
                result.GetValue(kind) == "koperasi" ? RecordKind.Koperasi : RecordKind.Umkm,
                code,
                result.GetValue(format) == "xlsx" ? ExportFormat.Xlsx : ExportFormat.Csv,
                result.GetValue(withNik),
                result.GetValue(delimiter) switch { ";" => ';', "tab" => '\t', _ => ',' });
            var path = Path.GetFullPath(result.GetValue(output)!);
            var count = await WriteAsync(services.GetRequiredService<RecordExporter>(), request, path, token);
            await console.WriteLineAsync(Summary(request, count, ExportScope.Describe(code, regions), path));
        }, ct));
        return command;
    }

    /// <summary>"1 UMKM record of Kabupaten Ogan Komering Ulu written to …"; NIKs are mentioned only where there are some.</summary>
    internal static string Summary(ExportRequest request, int count, string place, string path)
    {
        var what = request.Kind == RecordKind.Koperasi ? "koperasi" : "UMKM";
        var nik = request.Kind == RecordKind.Umkm ? $" (NIK {(request.WithNik ? "in full" : "masked")})" : "";
        return FormattableString.Invariant($"{count} {what} {(count == 1 ? "record" : "records")} of {place} written to {path}{nik}");
    }

    /// <summary>Written aside and moved into place, so a failed export never leaves half a file under the real name.</summary>
    private static async Task<int> WriteAsync(RecordExporter exporter, ExportRequest request, string path, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".part";
        try
        {
            int count;
            // Owner-only (0600): an export is personal data (with --with-nik, every NIK in full).
            await using (var file = Storage.OwnerOnlyFiles.Create(partial, FileMode.Create, 1 << 16, useAsync: true))
            {
                count = await exporter.WriteAsync(request, file, ct);
            }

            File.Move(partial, path, overwrite: true);
            return count;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
