using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Exports;

/// <summary><c>records export --region CODE --format csv|xlsx --out FILE [--with-nik] [--kind umkm|koperasi]</c>.</summary>
internal static class ExportVerb
{
    public static async Task<int> RunAsync(
        string region, string format, string output, bool withNik, string kind, string[] configArgs, CancellationToken ct)
    {
        var temporary = output + ".part";
        try
        {
            using var host = BotHost.Build(HostMode.Tool, configArgs);
            var regions = host.Services.GetRequiredService<RegionCatalog>();
            var code = ExportScope.Parse(region, regions)
                ?? throw new ArgumentException($"unknown region '{region}': give a Kemendagri code such as 16.01, or 'all' for Indonesia");
            var request = new ExportRequest(
                string.Equals(kind, "koperasi", StringComparison.OrdinalIgnoreCase) ? RecordKind.Koperasi : RecordKind.Umkm,
                code,
                string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase) ? ExportFormat.Xlsx : ExportFormat.Csv,
                withNik);

            await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            await using var scope = host.Services.CreateAsyncScope();
            var exporter = scope.ServiceProvider.GetRequiredService<RecordExporter>();
            var folder = Path.GetDirectoryName(Path.GetFullPath(output));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            int count;
            // Written aside and moved into place, so a failed export never leaves half a file under the real name.
            await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true))
            {
                count = await exporter.WriteAsync(request, file, ct);
            }

            File.Move(temporary, output, overwrite: true);
            await Console.Out.WriteLineAsync(
                $"{count} {(request.Kind == RecordKind.Koperasi ? "koperasi" : "UMKM")} records of {ExportScope.Describe(code, regions)} written to {output}{(withNik ? " (NIK in full)" : " (NIK masked)")}");
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            File.Delete(temporary);
            await Console.Error.WriteLineAsync($"error: {BotCommandLine.Reason(e)}");
            return 1;
        }
    }
}
