using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Staff.Team;

/// <summary>/kinerja, /tim and /tinjau on a clock the test controls (Monday 12 September 2022, WIB).</summary>
public sealed class TeamAndReviewTests
{
    private static readonly DateTimeOffset EarlyInSeptember = new(2022, 9, 1, 3, 0, 0, TimeSpan.Zero);

    private static string Entry(int n, string village = "Sukaraya", string workers = "2", string name = "") =>
        $"#umkm\nNIK: 16010712058500{n:00}\nNama: Pemilik {n}\nUsaha: {(name.Length > 0 ? name : $"Usaha {n}")}\nDesa: {village}\nKBLI: G\nOmzet: 3jt/bulan\nPekerja: {workers}";

    private static async Task AddOkuTargetAsync(StaffChat chat)
    {
        await using var db = chat.Db.Open();
        db.Targets.Add(new CampaignTarget
        {
            RegionCode = "16.01", Target = 42_000, Enumerators = 84, Coordinators = 6,
            Start = new DateOnly(2022, 4, 1), End = new DateOnly(2022, 10, 31), UpdatedAt = StaffChat.DefaultNow,
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Kinerja_counts_today_this_week_and_total_against_the_share_of_the_target()
    {
        await using var chat = await StaffChat.StartAsync(EarlyInSeptember);
        await chat.OnboardAsync("rudi", "0811 2000 0001", "enumerator", "16.01", "Rudi");

        Assert.Equal("""
            📈 Kinerja Rudi — Kabupaten Ogan Komering Ulu
            Hari ini: 0
            Minggu ini (29/8–4/9): 0
            Total: 0
            Target wilayah Anda belum dimasukkan admin, jadi bagian target dan laju yang dibutuhkan belum bisa dihitung.
            """, StaffChat.Text(await chat.SayAsync("rudi", "/kinerja")));

        // Thursday of the week before, then Sunday 23:30 WIB (still last week), then Monday 07:00 WIB twice.
        chat.Clock.SetUtcNow(new DateTimeOffset(2022, 9, 8, 3, 0, 0, TimeSpan.Zero));
        await chat.SayAsync("rudi", Entry(1));
        chat.Clock.SetUtcNow(new DateTimeOffset(2022, 9, 11, 16, 30, 0, TimeSpan.Zero));
        await chat.SayAsync("rudi", Entry(2));
        chat.Clock.SetUtcNow(new DateTimeOffset(2022, 9, 12, 0, 0, 0, TimeSpan.Zero));
        await chat.SayAsync("rudi", Entry(3));
        await chat.SayAsync("rudi", Entry(4));
        // A repeat is not a new record.
        await chat.SayAsync("rudi", Entry(4));
        await AddOkuTargetAsync(chat);

        Assert.Equal("""
            📈 Kinerja Rudi — Kabupaten Ogan Komering Ulu
            Hari ini: 2
            Minggu ini (12/9–18/9): 2
            Total: 4
            Bagian target Anda: 500 (42.000 ÷ 84 enumerator) — 0,80%
            Sisa 50 hari (sampai 31 Oktober 2022): kurang 496, perlu 10 per hari.
            """, StaffChat.Text(await chat.SayAsync("rudi", "/kinerja")));
    }

    [Fact]
    public async Task Tim_ranks_the_regions_enumerators_and_names_those_idle_for_two_days()
    {
        await using var chat = await StaffChat.StartAsync(EarlyInSeptember);
        await chat.OnboardAsync("coord", "0811 2000 0009", "coordinator", "16.01", "Dewi");
        await chat.OnboardAsync("rudi", "0811 2000 0001", "enumerator", "16.01", "Rudi");
        await chat.OnboardAsync("ani", "0811 2000 0002", "enumerator", "16.01", "Ani");
        await chat.AddStaffAsync("0811 2000 0003", "enumerator", "16.01", "Budi");
        await chat.OnboardAsync("lain", "0811 2000 0004", "enumerator", "16.02", "Orang Lain");

        chat.Clock.SetUtcNow(new DateTimeOffset(2022, 9, 8, 3, 0, 0, TimeSpan.Zero));
        await chat.SayAsync("ani", Entry(1));
        chat.Clock.SetUtcNow(StaffChat.DefaultNow.AddDays(-1));
        await chat.SayAsync("rudi", Entry(2));
        chat.Clock.SetUtcNow(StaffChat.DefaultNow);
        await chat.SayAsync("rudi", Entry(3));
        await chat.SayAsync("rudi", Entry(4));

        Assert.Equal("""
            👥 Tim Kabupaten Ogan Komering Ulu: 3 enumerator, 4 data (2 hari ini)
            1. Rudi — 3 (hari ini 2)
            2. Ani — 1 (hari ini 0)
            3. Budi — 0 (hari ini 0)

            ⏸ Tidak mengirim 2 hari atau lebih:
            • Budi — belum pernah mengirim
            • Ani — terakhir 8 September 2022
            """, StaffChat.Text(await chat.SayAsync("coord", "/tim")));
    }

    [Fact]
    public async Task Tinjau_approves_and_rejects_flagged_records_of_the_coordinators_region_only()
    {
        await using var chat = await StaffChat.StartAsync();
        var coordinator = await chat.AddStaffAsync("0811 2000 0009", "coordinator", "16.01", "Dewi");
        await chat.ShareContactAsync("coord", "0811 2000 0009");
        await chat.OnboardAsync("other", "0811 2000 0008", "coordinator", "16.03", "Koordinator Lain");
        await chat.OnboardAsync("rudi", "0811 2000 0001", "enumerator", "16.01", "Rudi");
        await chat.SayAsync("rudi", Entry(1, name: "Warung Siti"));
        await chat.SayAsync("rudi", Entry(2, name: "Warung Siti"));
        await chat.SayAsync("rudi", Entry(3, workers: "900"));
        await chat.SayAsync("rudi", Entry(4, name: "Warung Siti"));

        await using var db = chat.Db.Open();
        var ids = await db.UmkmRecords.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();

        // Another region's coordinator neither sees nor decides them.
        Assert.StartsWith("✅ Tidak ada data yang perlu ditinjau di Kabupaten Muara Enim", StaffChat.Text(await chat.SayAsync("other", "/tinjau")), StringComparison.Ordinal);
        Assert.Equal("Data itu tidak ada di wilayah Anda.", StaffChat.Text(await chat.SayAsync("other", $"/tinjau setuju {ids[1]}")));

        var card = Assert.Single(await chat.SayAsync("coord", "/tinjau"));
        Assert.Contains("🔎 Perlu ditinjau (3 menunggu)", card.Text, StringComparison.Ordinal);
        Assert.Contains("*KUMKM-1601-000002* — Warung Siti", card.Text, StringComparison.Ordinal);
        Assert.Contains("Pemilik: Pemilik 2 (NIK 1601********0002)", card.Text, StringComparison.Ordinal);
        Assert.Contains("Desa: Sukaraya (Kecamatan Baturaja Timur)", card.Text, StringComparison.Ordinal);
        Assert.Contains("Dikirim 12 September 2022 oleh Rudi (enumerator)", card.Text, StringComparison.Ordinal);
        Assert.Contains("Alasan: kemungkinan duplikat dari KUMKM-1601-000001", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("1601071205850002", card.Text, StringComparison.Ordinal);
        Assert.Equal([$"/tinjau setuju {ids[1]}", $"/tinjau tolak {ids[1]}"], card.Options.Select(o => o.Value));

        // Approve (button press) → counted and active; the next card follows.
        var approved = await chat.PressAsync("coord", $"/tinjau setuju {ids[1]}");
        Assert.Equal("✅ KUMKM-1601-000002 disetujui (tetap dihitung).", approved[0].Text);
        Assert.Contains("*KUMKM-1601-000003*", approved[1].Text, StringComparison.Ordinal);
        Assert.Contains("tidak wajar: 900 pekerja untuk usaha mikro", approved[1].Text, StringComparison.Ordinal);

        // Reject asks why, with preset reasons as buttons; a reason rejects it.
        var why = Assert.Single(await chat.PressAsync("coord", $"/tinjau tolak {ids[2]}"));
        Assert.Contains("Mengapa KUMKM-1601-000003 ditolak?", why.Text, StringComparison.Ordinal);
        Assert.Contains(why.Options, o => o.Value == $"/tinjau tolak {ids[2]} data tidak wajar");
        var rejected = await chat.PressAsync("coord", $"/tinjau tolak {ids[2]} data tidak wajar");
        Assert.Equal("❌ KUMKM-1601-000003 ditolak: data tidak wajar (tidak dihitung).", rejected[0].Text);

        // Typed, with the duplicate preset → a duplicate; then nothing is left.
        var duplicate = await chat.SayAsync("coord", $"/tinjau tolak {ids[3]} duplikat");
        Assert.Equal("🗂 KUMKM-1601-000004 ditandai duplikat (tidak dihitung).", duplicate[0].Text);
        Assert.StartsWith("✅ Tidak ada data yang perlu ditinjau", duplicate[1].Text, StringComparison.Ordinal);
        Assert.Equal("KUMKM-1601-000004 sudah ditandai duplikat.", StaffChat.Text(await chat.SayAsync("coord", $"/tinjau setuju {ids[3]}")).Split('\n')[0]);

        db.ChangeTracker.Clear();
        var statuses = await db.UmkmRecords.OrderBy(r => r.Id).Select(r => r.Status).ToListAsync();
        Assert.Equal([RecordStatus.Active, RecordStatus.Active, RecordStatus.Rejected, RecordStatus.Duplicate], statuses);
        var decisions = await db.ReviewDecisions.OrderBy(d => d.Id).ToListAsync();
        Assert.Equal([ReviewOutcome.Approved, ReviewOutcome.Rejected, ReviewOutcome.Duplicate], decisions.Select(d => d.Decision));
        Assert.All(decisions, d => Assert.Equal(coordinator.Id, d.DecidedByPersonId));
        Assert.All(decisions, d => Assert.Equal(StaffChat.DefaultNow, d.DecidedAt));
        Assert.Equal([null, "data tidak wajar", "duplikat"], decisions.Select(d => d.Reason));
        Assert.All(decisions, d => Assert.Equal(RecordStatus.Flagged, d.PreviousStatus));

        // Each decision is also a version of its record: who, when, the status change and the reason.
        var reviewed = await db.RecordVersions.Where(v => v.Source == RecordHistory.ReviewSource).OrderBy(v => v.RecordId).ToListAsync();
        Assert.Equal(ids.Skip(1), reviewed.Select(v => v.RecordId));
        Assert.All(reviewed, v => Assert.Equal(coordinator.Id, v.ByPersonId));
        Assert.All(reviewed, v => Assert.Equal(StaffChat.DefaultNow, v.At));
        Assert.Equal(["Approved", "data tidak wajar", "duplikat"], reviewed.Select(v => v.Note));
        Assert.Equal([("Flagged", "Active"), ("Flagged", "Rejected"), ("Flagged", "Duplicate")],
            reviewed.Select(v => RecordHistory.Read(v)[RecordSnapshots.StatusKey]));
        Assert.All(reviewed, v => Assert.Single(RecordHistory.Read(v)));

        // An approved record sent again is not flagged again for the same thing.
        Assert.DoesNotContain("Ditandai", StaffChat.Text(await chat.SayAsync("rudi", Entry(2, name: "Warung Siti"))), StringComparison.Ordinal);
        db.ChangeTracker.Clear();
        Assert.Equal(RecordStatus.Active, (await db.UmkmRecords.SingleAsync(r => r.Id == ids[1])).Status);
    }
}
