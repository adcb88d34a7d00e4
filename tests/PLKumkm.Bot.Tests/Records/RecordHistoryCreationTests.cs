using System.Text;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Records.Import;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Records;

public sealed class RecordHistoryCreationTests
{
    [Fact]
    public void A_creation_written_straight_to_UTF8_is_the_same_text_as_the_general_changes()
    {
        var record = new UmkmRecord
        {
            Nik = "1601071205850001", NamaPemilik = "Siti \"Ani\" Aminah", NamaUsaha = "Warung <Bu> Siti & Anak — Café", Hp = "+6281234567890",
            KodeDesa = "16.01.07.2001", KodeKecamatan = "16.01.07", KodeKabupaten = "16.01", KodeProvinsi = "16", Alamat = "Jl. Merdeka\\No. 1\n",
            TkTotal = 3, OmzetTahunan = 36_000_000, Lat = -4.1291, Lon = 104.1668, Status = RecordStatus.Flagged,
            WaktuKirim = new DateTimeOffset(2022, 9, 12, 3, 0, 0, TimeSpan.Zero), Sumber = RecordSources.Impor,
        };

        var general = RecordHistory.Changes(null, RecordSnapshots.Take(record));

        Assert.Equal(general, Encoding.UTF8.GetString(RecordHistory.CreationUtf8(record)));
        Assert.Contains("Café", general);
        // Twice on one thread (the writer is reused): no leftovers from the first.
        Assert.Equal(general, Encoding.UTF8.GetString(RecordHistory.CreationUtf8(record)));
    }

    [Fact]
    public void Candidates_come_back_in_id_order_without_repeats_after_the_index_grows()
    {
        var index = new CandidateIndex();
        for (var id = 1; id <= 5_000; id++)
        {
            index.Add((ulong)(id % 7), id);
        }

        index.Add(3, 3);
        var ids = new List<long>();
        index.Find(3, ids);

        Assert.Equal(Enumerable.Range(1, 5_000).Where(i => i % 7 == 3).Select(i => (long)i), ids);
        index.Find(12345, ids);
        Assert.Empty(ids);
    }
}
