using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace PLKumkm.Bot.Kbli;

/// <summary>
/// The whole KBLI 2020 classification (BPS, Peraturan BPS No. 2 Tahun 2020), bundled in the program
/// (<c>Kbli/Data/kbli2020.csv.gz</c>, see its SOURCE.md). Immutable and loaded once on first use: the
/// validators that need it are static and run on every path (chat, quick entry, import).
/// </summary>
internal sealed class KbliCatalog
{
    private static readonly Lazy<KbliCatalog> Shared = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, KbliEntry> _byCode;

    private KbliCatalog(List<KbliEntry> entries)
    {
        _byCode = entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
        Leaves = entries.Where(e => e.IsLeaf).ToList();
    }

    public static KbliCatalog Default => Shared.Value;

    /// <summary>The 1,789 kelompok (5-digit codes).</summary>
    public IReadOnlyList<KbliEntry> Leaves { get; }

    public int Count => _byCode.Count;

    public KbliEntry? Find(string code) => _byCode.GetValueOrDefault(code);

    private static KbliCatalog Load()
    {
        const string name = "kbli.kbli2020.csv.gz";
        using var resource = typeof(KbliCatalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"Embedded resource '{name}' is missing.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var entries = new List<KbliEntry>(2710);
        while (csv.Read())
        {
            var code = csv.GetField("kode")!;
            var section = csv.GetField("kategori")!;
            if (code.Length == 0 || section.Length != 1)
            {
                throw new InvalidDataException($"kbli2020.csv row {csv.Parser.Row}: no code or section.");
            }

            entries.Add(new KbliEntry(code, csv.GetField("judul")!, csv.GetField("uraian")!, section[0]));
        }

        return new KbliCatalog(entries);
    }
}
