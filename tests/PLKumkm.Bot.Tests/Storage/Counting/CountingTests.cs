using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Storage.Counting;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Storage.Counting;

/// <summary>daily_counts follow records through EF automatically, on the region's own calendar day.</summary>
public sealed class CountingTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private int _next;

    public async Task InitializeAsync()
    {
        await using var db = _database.Open();
        await db.Database.MigrateAsync();
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Theory]
    // WIB (UTC+7): midnight is 17:00 UTC.
    [InlineData("16.01.07.2001", "2022-09-12T16:59:59Z", "2022-09-12")]
    [InlineData("16.01.07.2001", "2022-09-12T17:00:00Z", "2022-09-13")]
    [InlineData("16.01.07.2001", "2022-09-12T23:59:59+07:00", "2022-09-12")]
    // WITA (Denpasar, UTC+8): midnight is 16:00 UTC.
    [InlineData("51.71.01.1001", "2022-09-12T15:59:59Z", "2022-09-12")]
    [InlineData("51.71.01.1001", "2022-09-12T16:00:00Z", "2022-09-13")]
    // WIT (Ambon, UTC+9): midnight is 15:00 UTC.
    [InlineData("81.71.01.1001", "2022-09-12T14:59:59Z", "2022-09-12")]
    [InlineData("81.71.01.1001", "2022-09-12T15:00:00Z", "2022-09-13")]
    public async Task A_record_counts_on_its_regions_local_day(string village, string sentAt, string day)
    {
        await AddAsync(village, DateTimeOffset.Parse(sentAt));

        var (regency, rows) = await CountsAsync();
        var cell = Assert.Single(rows);
        Assert.Equal(village[..5], cell.RegencyCode);
        Assert.Equal(DateOnly.Parse(day), cell.Day);
        Assert.Equal(1, cell.Count);
        Assert.Equal(RecordKind.Umkm, cell.Kind);
        var province = Assert.Single(regency);
        Assert.Equal((village[..2], DateOnly.Parse(day), 1), (province.ProvinceCode, province.Day, province.Count));
    }

    [Theory]
    [InlineData("Duplicate", 0)]
    [InlineData("Withdrawn", 0)]
    [InlineData("Rejected", 0)]
    [InlineData("Flagged", 1)]
    [InlineData("Active", 1)]
    public async Task A_status_change_drops_the_count_unless_the_status_still_counts(string statusName, int expected)
    {
        var status = Enum.Parse<RecordStatus>(statusName);
        var id = await AddAsync("16.01.07.2001", At("2022-09-12T10:00:00+07:00"));
        await AddAsync("16.01.07.2001", At("2022-09-12T11:00:00+07:00"));

        await using (var db = _database.Open())
        {
            var record = await db.UmkmRecords.SingleAsync(r => r.Id == id);
            record.Status = status;
            await db.SaveChangesAsync();
        }

        Assert.Equal(1 + expected, await TotalAsync("16.01"));
        Assert.Equal(1 + expected, await ProvinceTotalAsync("16"));
    }

    [Fact]
    public async Task A_record_moved_to_another_regency_or_day_moves_its_count()
    {
        var id = await AddAsync("16.01.07.2001", At("2022-09-12T10:00:00+07:00"));
        await using (var db = _database.Open())
        {
            var record = await db.UmkmRecords.SingleAsync(r => r.Id == id);
            UmkmFields.Apply(record, new Dictionary<string, string> { ["kode_desa"] = "73.71.01.1001", ["nama_usaha"] = record.NamaUsaha });
            record.WaktuKirim = At("2022-09-13T01:00:00+08:00");
            db.SaveChanges();
        }

        var (provinces, rows) = await CountsAsync();
        Assert.Equal([("16.01", new DateOnly(2022, 9, 12), 0), ("73.71", new DateOnly(2022, 9, 13), 1)],
            rows.Select(r => (r.RegencyCode, r.Day, r.Count)).OrderBy(r => r.RegencyCode));
        Assert.Equal(0, provinces.Single(p => p.ProvinceCode == "16").Count);
        Assert.Equal(1, provinces.Single(p => p.ProvinceCode == "73").Count);
        Assert.Equal(0, await ProvinceTotalAsync("16"));
        Assert.Equal(1, await ProvinceTotalAsync("73"));
    }

    [Fact]
    public async Task Reactivating_counts_again_and_deleting_drops()
    {
        var id = await AddAsync("16.01.07.2001", At("2022-09-12T10:00:00+07:00"));
        await using var db = _database.Open();
        var record = await db.UmkmRecords.SingleAsync(r => r.Id == id);
        record.Status = RecordStatus.Rejected;
        await db.SaveChangesAsync();
        Assert.Equal(0, await TotalAsync("16.01"));

        record.Status = RecordStatus.Flagged;
        await db.SaveChangesAsync();
        Assert.Equal(1, await TotalAsync("16.01"));

        // Nothing that matters for counting changed: no change in the counts.
        record.Alamat = "Jl. Baru";
        await db.SaveChangesAsync();
        Assert.Equal(1, await TotalAsync("16.01"));

        db.UmkmRecords.Remove(record);
        await db.SaveChangesAsync();
        Assert.Equal(0, await TotalAsync("16.01"));
    }

    [Fact]
    public async Task A_rolled_back_transaction_leaves_the_counts_alone()
    {
        await using (var db = _database.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.UmkmRecords.Add(NewRecord("16.01.07.2001", At("2022-09-12T10:00:00+07:00")));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(0, await TotalAsync("16.01"));
        Assert.Equal(0, await ProvinceTotalAsync("16"));
    }

    [Fact]
    public async Task Records_that_never_counted_add_nothing()
    {
        await using var db = _database.Open();
        var record = NewRecord("16.01.07.2001", At("2022-09-12T10:00:00+07:00"));
        record.Status = RecordStatus.Duplicate;
        db.UmkmRecords.Add(record);
        await db.SaveChangesAsync();
        Assert.Empty((await CountsAsync()).Regencies);
    }

    [Fact]
    public void The_count_store_writes_the_tables_and_columns_the_EF_model_maps()
    {
        using var db = _database.Open();
        var regency = db.Model.FindEntityType(typeof(DailyCount))!;
        var province = db.Model.FindEntityType(typeof(ProvinceDailyCount))!;
        Assert.Equal(DailyCountStore.RegencyTable, regency.GetTableName());
        Assert.Equal(DailyCountStore.ProvinceTable, province.GetTableName());
        var total = db.Model.FindEntityType(typeof(ProvinceTotal))!;
        Assert.Equal(DailyCountStore.ProvinceTotalTable, total.GetTableName());
        Assert.Equal(["Count", "Kind", "ProvinceCode"], total.GetProperties().Select(p => p.GetColumnName()).Order());
        var regencyTotal = db.Model.FindEntityType(typeof(RegencyTotal))!;
        Assert.Equal(DailyCountStore.RegencyTotalTable, regencyTotal.GetTableName());
        Assert.Equal(["Count", "Kind", "RegencyCode"], regencyTotal.GetProperties().Select(p => p.GetColumnName()).Order());
        Assert.Equal(["Count", "Day", "Kind", "RegencyCode"], regency.GetProperties().Select(p => p.GetColumnName()).Order());
        Assert.Equal(["Count", "Day", "Kind", "ProvinceCode"], province.GetProperties().Select(p => p.GetColumnName()).Order());
    }

    [Fact]
    public void Deltas_come_from_any_counted_entity_type()
    {
        using var db = new OtherRecordsContext();
        var record = new OtherRecord { Id = 1, KodeKabupaten = "16.01", WaktuKirim = At("2022-09-12T10:00:00+07:00"), Status = RecordStatus.Active };
        db.Attach(record);
        record.Status = RecordStatus.Withdrawn;
        db.Add(new OtherRecord { Id = 2, KodeKabupaten = "16.02", WaktuKirim = At("2022-09-12T18:00:00Z"), Status = RecordStatus.Flagged });

        var deltas = CountDeltas.FromChanges(db.ChangeTracker);

        Assert.Equal(-1, deltas[new CountKey("16.01", new DateOnly(2022, 9, 12), RecordKind.Koperasi)]);
        Assert.Equal(1, deltas[new CountKey("16.02", new DateOnly(2022, 9, 13), RecordKind.Koperasi)]);
        Assert.Equal(2, deltas.NonZero.Count());
    }

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<long> AddAsync(string village, DateTimeOffset sentAt)
    {
        await using var db = _database.Open();
        var record = NewRecord(village, sentAt);
        db.UmkmRecords.Add(record);
        await db.SaveChangesAsync();
        return record.Id;
    }

    [Fact]
    public async Task One_context_counts_every_save_exactly_across_transactions_and_a_reopened_connection()
    {
        // The count statements are prepared once per connection and reused: saves inside and outside transactions,
        // after the connection was closed and opened again, each count once.
        var sentAt = DateTimeOffset.Parse("2022-09-12T03:00:00Z");
        await using (var db = _database.Open())
        {
            db.UmkmRecords.Add(NewRecord("16.01.07.2001", sentAt));
            await db.SaveChangesAsync();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.UmkmRecords.Add(NewRecord("16.01.07.2001", sentAt));
                await db.SaveChangesAsync();
                db.UmkmRecords.Add(NewRecord("16.02.01.2001", sentAt));
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }

            await db.Database.CloseConnectionAsync();
            await using (var transaction = await db.Database.BeginTransactionAsync())
            {
                db.UmkmRecords.Add(NewRecord("16.01.07.2001", sentAt));
                await db.SaveChangesAsync();
                // Rolled back: its count goes with it.
                await transaction.RollbackAsync();
            }

            db.ChangeTracker.Clear();
            db.UmkmRecords.Add(NewRecord("16.01.07.2001", sentAt));
            await db.SaveChangesAsync();
        }

        Assert.Equal(3, await TotalAsync("16.01"));
        Assert.Equal(1, await TotalAsync("16.02"));
        var (provinces, _) = await CountsAsync();
        Assert.Equal(4, Assert.Single(provinces).Count);
    }

    [Fact]
    public async Task Contexts_taking_turns_on_the_pooled_connections_count_every_save()
    {
        // Outside a transaction EF opens and closes the connection around each save, so a context's next save may run
        // on the native connection another context used meanwhile: statements prepared for one must never run on another.
        var sentAt = DateTimeOffset.Parse("2022-09-12T03:00:00Z");
        await using var first = _database.Open();
        await using var second = _database.Open();
        for (var round = 0; round < 6; round++)
        {
            foreach (var db in new[] { first, second })
            {
                db.UmkmRecords.Add(NewRecord("16.03.01.2001", sentAt));
                await db.SaveChangesAsync();
            }

            // Another test's clean-up (or a key rotation) closes every pooled native connection.
            if (round == 2)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }
        }

        Assert.Equal(12, await TotalAsync("16.03"));
    }

    private UmkmRecord NewRecord(string village, DateTimeOffset sentAt)
    {
        var n = ++_next;
        var record = new UmkmRecord { RegistrationNumber = $"TEST-{n}", WaktuKirim = sentAt, Nik = $"16010712058500{n:00}" };
        UmkmFields.Apply(record, new Dictionary<string, string> { ["kode_desa"] = village, ["nama_usaha"] = $"Warung {n}" });
        return record;
    }

    private async Task<(List<ProvinceDailyCount> Provinces, List<DailyCount> Regencies)> CountsAsync()
    {
        await using var db = _database.Open();
        return (await db.ProvinceDailyCounts.AsNoTracking().ToListAsync(), await db.DailyCounts.AsNoTracking().ToListAsync());
    }

    // Both regency tables must agree: the per-day rows and the all-time total.
    private async Task<long> TotalAsync(string regency)
    {
        await using var db = _database.Open();
        var byDay = await db.DailyCounts.Where(c => c.RegencyCode == regency).SumAsync(c => c.Count);
        Assert.Equal(byDay, await db.RegencyTotals.Where(c => c.RegencyCode == regency).SumAsync(c => c.Count));
        return byDay;
    }

    // Both province tables must agree: the per-day rows and the all-time total.
    private async Task<long> ProvinceTotalAsync(string province)
    {
        await using var db = _database.Open();
        var byDay = await db.ProvinceDailyCounts.Where(c => c.ProvinceCode == province).SumAsync(c => c.Count);
        var total = await db.ProvinceTotals.Where(c => c.ProvinceCode == province).SumAsync(c => c.Count);
        Assert.Equal(byDay, total);
        return total;
    }

    // Another counted entity, as the koperasi records will be: the deltas need only the interface.
    private sealed class OtherRecord : ICountedRecord
    {
        public long Id { get; set; }
        public RecordKind Kind => RecordKind.Koperasi;
        public string KodeKabupaten { get; set; } = "";
        public DateTimeOffset WaktuKirim { get; set; }
        public RecordStatus Status { get; set; }
    }

    private sealed class OtherRecordsContext : DbContext
    {
        protected override void OnConfiguring(DbContextOptionsBuilder options) => options.UseSqlite("Data Source=:memory:");

        protected override void OnModelCreating(ModelBuilder model) => model.Entity<OtherRecord>().Ignore(r => r.Kind);
    }
}
