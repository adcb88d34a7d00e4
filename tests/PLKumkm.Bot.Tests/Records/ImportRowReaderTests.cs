using PLKumkm.Bot.Conversations.Definition;
using PLKumkm.Bot.Records.Import;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Tests.Records;

/// <summary>An import row (header → value) read like a quick entry (key → value), for either kind of record.</summary>
public sealed class ImportRowReaderTests
{
    private static readonly Lazy<IReadOnlyList<Questionnaire>> All = new(() =>
        QuestionnaireLoader.LoadDirectory(Path.Combine(AppContext.BaseDirectory, "conversations")));

    private static ImportRowReader Reader(string questionnaire, params string[] columns) =>
        new(columns, All.Value.Single(q => q.Id == questionnaire), RegionCatalog.Shared, new DateTimeOffset(2022, 9, 12, 3, 0, 0, TimeSpan.Zero),
            new HashSet<string>(["sumber"], StringComparer.Ordinal));

    [Fact]
    public void A_row_takes_unsure_amounts_as_written_and_a_village_by_code_or_by_name()
    {
        var reader = Reader("umkm", "nik", "nama_pemilik", "nama_usaha", "kode_desa", "modal", "sumber");
        var answers = reader.Read(["1601071205850001", "siti aminah", "Warung Siti", "Sukaraya, Baturaja Timur", "50", "mandiri"], out var reason);
        Assert.Null(reason);
        Assert.Equal(new Dictionary<string, string>
        {
            ["nik"] = "1601071205850001", ["nama_pemilik"] = "Siti Aminah", ["nama_usaha"] = "Warung Siti", ["kode_desa"] = "16.01.14.1005", ["modal"] = "50",
        }, answers);

        Assert.Null(reader.Read(["1601071205850001", "Siti", "", "16.01.14", "", ""], out reason));
        Assert.Equal("nama_usaha is required; kode_desa: '16.01.14' is not a village code (e.g. 16.01.07.2001)", reason);
    }

    [Fact]
    public void A_cooperative_row_needs_what_its_questionnaire_requires()
    {
        var reader = Reader("koperasi", "nama_koperasi", "kode_desa", "shu", "lat", "lon");
        Assert.Equal("-12500000", reader.Read(["KSP Maju", "16.01.14.1005", "-12,5jt", "-4.1291", "104.1668"], out _)!["shu"]);
        Assert.Null(reader.Read(["", "16.01.14.1005", "", "-4.1291", ""], out var reason));
        Assert.Equal("nama_koperasi is required; lat/lon: both are needed, as decimal degrees (e.g. -4.1291 and 104.1668)", reason);
    }
}
