using System.Globalization;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Exports;

/// <summary>
/// <c>/ekspor</c> for officials and admins: the single database of their region (or a region inside it: <c>/ekspor 16.01</c>)
/// as a document, CSV by default or <c>/ekspor xlsx</c>; UMKM, plus cooperatives when there are any (<c>/ekspor koperasi</c>
/// for those only). NIKs are always masked in the chat.
/// </summary>
internal sealed class ExportHandler(RecordExporter exporter, RegionCatalog regions, RegionResolver resolver, TimeProvider clock) : IMessageHandler
{
    /// <summary>A chat attachment is held in memory and in the outbox; bigger exports belong to the command line.</summary>
    public const int MaxRowsInChat = 100_000;

    public async Task<bool> TryHandleAsync(UpdateContext context, CancellationToken cancellationToken)
    {
        var lang = context.Language;
        var person = context.Person;
        var scope = person.Role switch
        {
            PersonRole.Admin => person.RegionCode ?? RegionCodes.Country,
            PersonRole.Official => person.RegionCode,
            _ => null,
        };
        if (scope is null)
        {
            context.Reply(new UserText(
                "Maaf, ekspor data hanya untuk pejabat dinas yang terdaftar. Capaian pendataan bisa dilihat siapa saja: ketik mis. \"progress OKU\".",
                "Sorry, data exports are only for registered officials. Anyone can see census progress: type e.g. \"progress OKU\"."));
            return true;
        }

        var (format, kinds, regionText) = ReadArguments(context.Arguments);
        var region = scope;
        if (regionText is not null)
        {
            var wanted = Resolve(regionText);
            if (wanted is null || !RegionCodes.IsWithin(wanted, scope))
            {
                context.Reply(lang == Languages.English
                    ? $"I can export {ExportScope.Describe(scope, regions)} or a region inside it; \"{regionText}\" is not one. Example: /ekspor {Example(scope)}"
                    : $"Yang bisa diekspor: {ExportScope.Describe(scope, regions)} atau wilayah di dalamnya; \"{regionText}\" bukan salah satunya. Contoh: /ekspor {Example(scope)}");
                return true;
            }

            region = wanted;
        }

        var sent = 0;
        foreach (var kind in kinds)
        {
            sent += await ExportOneAsync(context, kind, region, format, explicitKind: kinds.Count == 1, cancellationToken) ? 1 : 0;
        }

        if (sent == 0 && kinds.Count > 1)
        {
            context.Reply(lang == Languages.English
                ? $"There are no records in {ExportScope.Describe(region, regions)} yet."
                : $"Belum ada data di {ExportScope.Describe(region, regions)}.");
        }

        return true;
    }

    private async Task<bool> ExportOneAsync(UpdateContext context, RecordKind kind, string region, ExportFormat format, bool explicitKind, CancellationToken ct)
    {
        var lang = context.Language;
        // A spreadsheet in an Indonesian locale splits CSV on semicolons; in English on commas.
        var request = new ExportRequest(kind, region, format, WithNik: false, Delimiter: lang == Languages.English ? ',' : ';');
        var what = kind == RecordKind.Koperasi ? (lang == Languages.English ? "cooperative" : "koperasi") : "UMKM";
        var place = ExportScope.Describe(region, regions);
        var count = await exporter.CountAsync(request, ct);
        if (count == 0)
        {
            if (explicitKind)
            {
                context.Reply(lang == Languages.English ? $"There are no {what} records in {place} yet." : $"Belum ada data {what} di {place}.");
            }

            return false;
        }

        if (count > MaxRowsInChat)
        {
            context.Reply(lang == Languages.English
                ? $"{place} has {count.ToString("N0", CultureInfo.InvariantCulture)} {what} records, too many for a chat file. Ask for a smaller region (e.g. /ekspor {Example(region)}) or ask an admin for `records export`."
                : $"{place} punya {count.ToString("N0", Indonesian)} data {what}, terlalu banyak untuk berkas obrolan. Minta wilayah yang lebih kecil (mis. /ekspor {Example(region)}) atau minta admin menjalankan `records export`.");
            return true;
        }

        using var buffer = new MemoryStream();
        await exporter.WriteAsync(request, buffer, ct);
        var prefix = kind == RecordKind.Koperasi ? "ekspor-koperasi" : "ekspor";
        var fileName = $"{prefix}-{ExportScope.FilePart(region)}-{LocalDate(region):yyyyMMdd}.{request.Extension}";
        var caption = lang == Languages.English
            ? $"Export {what}: {place}, {count.ToString("N0", CultureInfo.InvariantCulture)} {(count == 1 ? "record" : "records")}.{(kind == RecordKind.Umkm ? " NIKs are masked." : "")} Columns are the field ids of the data contract, then names of the regions and enumerators."
            : $"Ekspor {what}: {place}, {count.ToString("N0", Indonesian)} data.{(kind == RecordKind.Umkm ? " NIK disamarkan." : "")} Nama kolom = field id kontrak data, lalu nama wilayah dan pencacah.";
        context.Reply(new OutboundMessage(caption)
        {
            Attachment = new Attachment(fileName, request.MediaType, buffer.ToArray()),
            Subject = OutboxSubjects.Export(region),
        });
        return true;
    }

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private static (ExportFormat Format, IReadOnlyList<RecordKind> Kinds, string? Region) ReadArguments(string arguments)
    {
        var format = ExportFormat.Csv;
        IReadOnlyList<RecordKind> kinds = [RecordKind.Umkm, RecordKind.Koperasi];
        var rest = new List<string>();
        foreach (var word in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (word.ToLowerInvariant())
            {
                case "xlsx" or "excel":
                    format = ExportFormat.Xlsx;
                    break;
                case "csv":
                    format = ExportFormat.Csv;
                    break;
                case "koperasi" or "kop":
                    kinds = [RecordKind.Koperasi];
                    break;
                case "umkm" or "usaha":
                    kinds = [RecordKind.Umkm];
                    break;
                default:
                    rest.Add(word);
                    break;
            }
        }

        return (format, kinds, rest.Count == 0 ? null : string.Join(' ', rest));
    }

    private string? Resolve(string text) => ExportScope.Parse(text, regions, resolver);

    private string Example(string scope) =>
        regions.ChildrenOf(scope).FirstOrDefault()?.Code ?? (scope.Length == 0 ? "16.01" : scope);

    private DateOnly LocalDate(string region)
    {
        var zone = region.Length >= 2 ? regions.TimeZoneOf(region) : RegionTimeZones.Wib;
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
    }
}
