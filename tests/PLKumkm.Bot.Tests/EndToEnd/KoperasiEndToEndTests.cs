using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.EndToEnd;

/// <summary>Issue 5 tried as new users would, over the real host and the fake Bot API on 127.0.0.1.</summary>
public sealed class KoperasiEndToEndTests
{
    private const long Officer = 778001;
    private const long Official = 778002;
    private const long Stranger = 778003;

    private static string Say(IReadOnlyList<Fakes.SentMessage> messages) => TelegramBotSession.Text(messages);

    [Fact]
    public async Task A_cooperative_registers_corrects_its_record_and_withdraws()
    {
        using var db = new TestDatabase();
        await using var bot = await TelegramBotSession.StartAsync(db);

        var choice = await bot.SayAsync(Officer, "/start");
        Assert.Contains(choice.SelectMany(m => m.InlineButtons), b => b is { Text: "Daftarkan Koperasi", CallbackData: "/koperasi" });
        var consent = Say(await bot.PressAsync(Officer, "/koperasi"));
        Assert.Contains("pendaftaran koperasi", consent);
        Assert.Contains("UU 27/2022", consent);

        Assert.Contains("nama lengkap koperasinya", Say(await bot.PressAsync(Officer, "_consent=ya")));
        Assert.Contains("nomor badan hukum", Say(await bot.SayAsync(Officer, "KSP Maju Bersama")));
        await bot.SayAsync(Officer, "AHU-0001234.AH.01.26.TAHUN 2020");
        Assert.Contains("Nomor Induk Koperasi", Say(await bot.SayAsync(Officer, "12/3/2015")));
        await bot.SayAsync(Officer, "/lewati");
        await bot.PressAsync(Officer, "punya_nib=tidak");
        await bot.PressAsync(Officer, "bentuk_kop=primer");
        await bot.PressAsync(Officer, "jenis_kop=simpan_pinjam");
        await bot.PressAsync(Officer, "pola=syariah");
        await bot.SayAsync(Officer, "simpan pinjam anggota");
        Assert.Contains("kantor koperasinya", Say(await bot.PressAsync(Officer, "kbli=K")));
        Assert.Contains("Kelurahan Sukaraya", Say(await bot.SayAsync(Officer, "16.01.14.1005")));
        await bot.SayAsync(Officer, "Jl. Kartini No. 5");
        await bot.AwaitAsync(Officer, () => bot.Fake.EnqueueLocation(Officer, -4.1291, 104.1668));
        await bot.SayAsync(Officer, "120");
        await bot.SayAsync(Officer, "85");
        await bot.SayAsync(Officer, "3");
        await bot.PressAsync(Officer, "aktif=ya");
        await bot.SayAsync(Officer, "2025");
        await bot.SayAsync(Officer, "850jt");
        await bot.SayAsync(Officer, "2.500.000.000");
        await bot.SayAsync(Officer, "600jt");
        Assert.Contains("-Rp12.500.000", Say(await bot.SayAsync(Officer, "rugi 12,5 juta")));
        await bot.SayAsync(Officer, "Hj. Siti Rahmawati");
        await bot.PressAsync(Officer, "jabatan_pengurus=ketua");
        var summary = Say(await bot.AwaitAsync(Officer, () => bot.Fake.EnqueueContact(Officer, "+62 812 3456 7890", Officer)));
        Assert.Contains("SHU: -Rp12.500.000", summary);
        Assert.Contains("KOP-1601-000001", Say(await bot.PressAsync(Officer, "_review=kirim")));

        await using (var ctx = db.Open())
        {
            var record = await ctx.KoperasiRecords.SingleAsync();
            Assert.Equal("KOP-1601-000001", record.RegistrationNumber);
            Assert.Equal("KSP Maju Bersama", record.NamaKoperasi);
            Assert.Equal("AHU0001234AH0126TAHUN2020", record.NoBadanHukumNormal);
            Assert.Equal(-12_500_000, record.Shu);
            Assert.Equal("syariah", record.Pola);
            Assert.Equal("+6281234567890", record.Hp);
            Assert.Equal("16.01", record.KodeKabupaten);
            Assert.Equal(RecordStatus.Active, record.Status);
            Assert.Equal(RecordKind.Koperasi, ((ICountedRecord)record).Kind);
            Assert.Equal(1, await ctx.RecordVersions.CountAsync());
        }

        var status = Say(await bot.SayAsync(Officer, "/status"));
        Assert.Contains("KOP-1601-000001 — KSP Maju Bersama", status);
        Assert.Contains("Status: Aktif", status);

        // /ubah: pick the record, land on its summary, change the SHU, submit: a new version.
        var pick = await bot.SayAsync(Officer, "/ubah");
        Assert.Contains(pick.SelectMany(m => m.InlineButtons), b => b.CallbackData == "/ubah KOP-1601-000001");
        var edit = Say(await bot.PressAsync(Officer, "/ubah KOP-1601-000001"));
        Assert.Contains("Perbaikan data KOP-1601-000001", edit);
        Assert.Contains("22. SHU: -Rp12.500.000", edit);
        Assert.Contains("Jawaban saat ini: -Rp12.500.000", Say(await bot.SayAsync(Officer, "22")));
        Assert.Contains("SHU: Rp5.000.000", Say(await bot.SayAsync(Officer, "5jt")));
        Assert.Contains("Perbaikan data KOP-1601-000001 sudah tersimpan", Say(await bot.PressAsync(Officer, "_review=kirim")));

        await using (var ctx = db.Open())
        {
            var record = await ctx.KoperasiRecords.SingleAsync();
            Assert.Equal(5_000_000, record.Shu);
            var versions = await ctx.RecordVersions.OrderBy(v => v.Version).ToListAsync();
            Assert.Equal([1, 2], versions.Select(v => v.Version));
            var changes = RecordHistory.Read(versions[1]);
            Assert.Equal(["shu"], changes.Keys);
            Assert.Equal(("-12500000", "5000000"), changes["shu"]);
        }

        // "hapus data saya": explained, confirmed with a button, done at once.
        var explain = await bot.SayAsync(Officer, "Hapus data saya");
        Assert.Contains("KOP-1601-000001", Say(explain));
        Assert.Contains(explain.SelectMany(m => m.InlineButtons), b => b.CallbackData == "/hapus ya");
        Assert.Contains("sudah dihapus sekarang juga", Say(await bot.PressAsync(Officer, "/hapus ya")));
        // The chat is nobody's any more: writing again starts afresh.
        Assert.Contains("Belum ada data usaha atau koperasi", Say(await bot.SayAsync(Officer, "/status")));

        await using (var ctx = db.Open())
        {
            var record = await ctx.KoperasiRecords.SingleAsync();
            Assert.Equal(RecordStatus.Withdrawn, record.Status);
            Assert.Null(record.NamaPengurus);
            Assert.Null(record.Hp);
            Assert.NotNull((await ctx.Consents.SingleAsync()).WithdrawnAt);
            var person = await ctx.People.OrderBy(p => p.Id).FirstAsync();
            Assert.Null(person.Name);
            Assert.Null(person.Phone);
            var everything = await RecordsTestDatabase.AllTextAsync(ctx);
            Assert.DoesNotContain(everything, v => v.Contains("Rahmawati", StringComparison.Ordinal));
            Assert.DoesNotContain(everything, v => v.Contains("6281234567890", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task An_official_gets_the_regency_export_as_documents_and_others_are_refused()
    {
        using var db = new TestDatabase();
        await using var bot = await TelegramBotSession.StartAsync(db);
        await using (var ctx = db.Open())
        {
            var official = new Person { Name = "Kepala Dinas", Role = PersonRole.Official, RegionCode = "16.01", CreatedAt = DateTimeOffset.UtcNow };
            official.Addresses.Add(new PersonAddress { Address = $"telegram:{Official}", CreatedAt = DateTimeOffset.UtcNow });
            ctx.People.Add(official);
            var writer = new RecordWriter(ctx, TimeProvider.System);
            await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(), RecordsTestDatabase.Enumerator, default);
            await writer.SaveKoperasiAsync(RecordsTestDatabase.Koperasi(), RecordsTestDatabase.Enumerator, default);
            await ctx.SaveChangesAsync();
        }

        var files = await bot.SayAsync(Official, "/ekspor");
        Assert.Equal(2, files.Count(m => m.HasDocument));
        Assert.All(files, f => Assert.True(f.DocumentLength > 100));
        Assert.Contains("Kabupaten Ogan Komering Ulu, 1 data. NIK disamarkan.", files[0].PlainText);
        var attachments = bot.Fake.Uploads;
        Assert.Equal(2, attachments.Count);
        Assert.Matches(@"^ekspor-1601-\d{8}\.csv$", attachments[0].FileName);
        Assert.Matches(@"^ekspor-koperasi-1601-\d{8}\.csv$", attachments[1].FileName);
        // An Indonesian chat gets the semicolons its spreadsheet splits on.
        var umkm = System.Text.Encoding.UTF8.GetString(attachments[0].Content).TrimStart('\uFEFF').Split("\r\n");
        Assert.StartsWith("no_registrasi;nik;nama_pemilik;", umkm[0], StringComparison.Ordinal);
        Assert.StartsWith("KUMKM-1601-000001;1601********0001;", umkm[1], StringComparison.Ordinal);
        Assert.Contains(";Ogan Komering Ulu;", umkm[1], StringComparison.Ordinal);
        Assert.Contains("KOP-1601-000001;", System.Text.Encoding.UTF8.GetString(attachments[1].Content), StringComparison.Ordinal);
        await using (var ctx = db.Open())
        {
            // Delivered documents are not kept: the outbox says what was sent, without the file.
            var stored = (await ctx.Outbox.Where(o => o.Address == $"telegram:{Official}").OrderBy(o => o.Id).ToListAsync())
                .Select(o => Bot.Messaging.OutboxPayload.Deserialize(o.PayloadJson)).ToList();
            Assert.All(stored, m => Assert.Null(m.Attachment));
            Assert.Contains(stored, m => m.Text.Contains("NIK disamarkan.", StringComparison.Ordinal) && m.Text.Contains("[berkas ekspor-1601-", StringComparison.Ordinal));
        }

        var xlsx = Assert.Single(await bot.SayAsync(Official, "/ekspor xlsx koperasi"));
        Assert.True(xlsx.HasDocument);
        Assert.DoesNotContain("NIK", xlsx.PlainText, StringComparison.Ordinal);
        var sent = bot.Fake.Uploads[^1];
        Assert.Matches(@"^ekspor-koperasi-1601-\d{8}\.xlsx$", sent.FileName);
        using (var stream = new MemoryStream(sent.Content))
        {
            var row = Assert.Single(MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object?>>());
            Assert.Equal("KOP-1601-000001", row["no_registrasi"]);
        }

        var outside = Say(await bot.SayAsync(Official, "/ekspor 16.02"));
        Assert.Contains("Yang bisa diekspor: Kabupaten Ogan Komering Ulu", outside);

        var refused = await bot.SayAsync(Stranger, "/ekspor");
        Assert.DoesNotContain(refused, m => m.HasDocument);
        Assert.Contains("hanya untuk pejabat", Say(refused));
    }
}
