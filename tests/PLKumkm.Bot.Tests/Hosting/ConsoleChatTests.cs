using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Channels.Console;
using PLKumkm.Bot.Hosting;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Tests.Hosting;

/// <summary>The console chat as a person (or a script piping input) uses it, on a real database.</summary>
public sealed class ConsoleChatTests
{
    private static readonly string[] FirstHalf =
    [
        // /start offers UMKM or koperasi: "1" is "Daftarkan UMKM", the next "1" agrees to the notice.
        "/start", "1", "1", "Siti Aminah", "1601 0745 0890 0001", "2", "0812-3456-7890", "Warung Bu Siti",
        "jualan sembako", "G", "2019", "1", "1", "tidak",
    ];

    private static readonly string[] SecondHalf =
    [
        "sumatera selatan", "ogan komering ulu", "baturaja timur", "sukaraya", "Jl. Merdeka 1", "/lewati", "/lewati",
        "2", "1", "1", "bulan", "3jt", "10jt", "/lewati", "offline",
        // A number picks the button with that number: on a multiple choice it toggles, [8] is "Selesai".
        "1", "8", "tidak",
    ];

    private static Task<string> ChatAsync(TestDatabase db, IEnumerable<string> lines, string user = "local") =>
        ConsoleChat.RunAsync(db, lines, user);

    [Fact]
    public async Task Registration_completes_in_the_console_and_survives_a_restart_halfway()
    {
        using var db = new TestDatabase();
        var first = await ChatAsync(db, FirstHalf);
        Assert.Contains("Di mana lokasi usahanya?", first);

        // A new process on the same database picks up at the same question.
        var second = await ChatAsync(db, [.. SecondHalf, "kirim"]);
        Assert.Contains("Nomor registrasi: KUMKM-1601-000001", second);

        await using var ctx = db.Open();
        var record = await ctx.UmkmRecords.SingleAsync();
        Assert.Equal("KUMKM-1601-000001", record.RegistrationNumber);
        Assert.Equal("1601074508900001", record.Nik);
        Assert.Equal("Siti Aminah", record.NamaPemilik);
        Assert.Equal("P", record.JenisKelamin);
        Assert.Equal("+6281234567890", record.Hp);
        Assert.Equal("16.01.14.1005", record.KodeDesa);
        Assert.Equal("16.01", record.KodeKabupaten);
        Assert.Equal("16", record.KodeProvinsi);
        Assert.Equal(36_000_000, record.OmzetTahunan);
        Assert.Equal("mikro", record.Skala);
        Assert.Equal(RecordSources.Mandiri, record.Sumber);
        Assert.Equal(RecordStatus.Active, record.Status);
        Assert.Single(await ctx.Consents.ToListAsync());
        Assert.False(await ctx.Sessions.AnyAsync(s => s.IsActive));
        Assert.True(await ctx.Outbox.AllAsync(o => o.SentAt != null));
    }

    [Fact]
    public async Task In_English_the_consoles_own_hints_are_in_English_too()
    {
        using var db = new TestDatabase();
        var output = await ChatAsync(db, ["/bahasa en", "/start", "1", "1", "Siti Aminah", "1601 0745 0890 0001", "2"]);

        Assert.Contains("Which mobile number", output, StringComparison.Ordinal);
        Assert.Contains("(type your mobile number)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("(ketik nomor HP Anda)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_business_registered_again_is_updated_not_counted_twice()
    {
        using var db = new TestDatabase();
        await ChatAsync(db, [.. FirstHalf, .. SecondHalf, "kirim"]);
        // Consent was given the first time, so the second registration starts at the first question.
        var again = await ChatAsync(db, ["/daftar", .. FirstHalf.Skip(3), .. SecondHalf, "kirim"]);
        Assert.Contains("sudah terdaftar dengan nomor KUMKM-1601-000001", again);
        await using var ctx = db.Open();
        Assert.Equal(1, await ctx.UmkmRecords.CountAsync());
    }

    [Fact]
    public async Task A_broken_questionnaire_stops_start_up_with_file_question_and_reason()
    {
        using var db = new TestDatabase();
        var folder = Path.Combine(db.Folder, "conversations");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "umkm.yaml"),
            "id: umkm\nversion: 1\nkind: umkm\ntitle: t\nconsent: {notice_version: v, text: t}\nquestions:\n  - id: tk_total\n    type: angka\n    label: x\n    prompt: y\n");
        var terminal = new ConsoleTerminal(new StringReader(""), new StringWriter());
        using var host = BotHost.Build(HostMode.Chat, [db.ConfigArg, $"--Conversations:Directory={folder}"],
            b => b.Services.AddSingleton(terminal));
        var e = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
        Assert.Contains("umkm.yaml, question 'tk_total': unknown type 'angka'", BotCommandLine.Reason(e));
    }

    [Fact]
    public async Task An_enumerator_registers_for_an_owner_with_the_owners_consent_each_time()
    {
        using var db = new TestDatabase();
        await ChatAsync(db, ["/bantuan"], user: "petugas1");
        await using (var setup = db.Open())
        {
            var person = await setup.People.SingleAsync();
            person.Role = PersonRole.Enumerator;
            person.RegionCode = "16.01";
            person.Phone = "+6281399990000";
            await setup.SaveChangesAsync();
        }

        var first = await ChatAsync(db, [.. FirstHalf, .. SecondHalf, "kirim"], user: "petugas1");
        Assert.Contains("atas nama pemiliknya", first);
        // The owner's phone question does not offer the enumerator's own number.
        Assert.Contains("Berapa nomor HP", first);
        Assert.DoesNotContain("+6281399990000", first);
        Assert.Contains("KUMKM-1601-000001", first);

        // A second owner: the notice is shown again, because consent is each owner's own.
        var second = await ChatAsync(db, ["/daftar"], user: "petugas1");
        Assert.Contains("Apakah Anda setuju?", second);

        await using var ctx = db.Open();
        var enumerator = await ctx.People.SingleAsync();
        var record = await ctx.UmkmRecords.SingleAsync();
        Assert.Equal(RecordSources.Enumerator, record.Sumber);
        Assert.Equal(enumerator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), record.Enumerator);
        Assert.Null(record.OwnerPersonId);
        var consent = await ctx.Consents.SingleAsync(c => c.RegistrationNumber != null);
        Assert.True(consent.OnBehalfOfOwner);
        Assert.Equal("KUMKM-1601-000001", consent.RegistrationNumber);
    }
}
