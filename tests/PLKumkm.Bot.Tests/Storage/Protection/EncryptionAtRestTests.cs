using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Storage.Protection;
using PLKumkm.Bot.Tests.Hosting;

namespace PLKumkm.Bot.Tests.Storage.Protection;

/// <summary>What someone who copies the database file (or a backup) gets without the key: no NIK, no phone.</summary>
public sealed class EncryptionAtRestTests
{
    private const string Nik = "1601074508900001";
    private const string ImportedNik = "1601075203910002";

    // The digits every written form of the numbers shares: +6281234567890, 6281234567890 and 081234567890.
    private static readonly string[] Secrets = [Nik, ImportedNik, "81234567890", "81377778888", "81299990000"];

    [Fact]
    public async Task The_database_file_its_log_and_a_backup_hold_no_nik_and_no_phone_in_any_form()
    {
        await using var tool = await ToolHost.StartAsync();
        await WritePersonalDataAsync(tool);
        var rawBeforeCheckpoint = Raw(tool.Database.Path);
        Checkpoint(tool.Database.ConnectionString);
        var backup = Path.Combine(tool.Database.Folder, "backup.db");
        var run = await VerbHarness.RunAsync("backup", backup, tool.Database.ConfigArg);
        Assert.True(run.ExitCode == 0, run.Error);

        foreach (var (what, bytes) in new[] { ("before checkpoint", rawBeforeCheckpoint), ("after checkpoint", Raw(tool.Database.Path)), ("backup", Raw(backup)) })
        {
            foreach (var secret in Secrets)
            {
                Assert.False(Contains(bytes, secret), $"{secret} found in the {what}");
            }
        }

        // The same data, read through the bot, is all there.
        await using var ctx = tool.Database.Open();
        Assert.Equal(Nik, (await ctx.UmkmRecords.SingleAsync(r => r.RegistrationNumber == "KUMKM-1601-000001")).Nik);
        Assert.Equal("+6281234567890", (await ctx.People.SingleAsync(p => p.Name == "Sari")).Phone);
    }

    [Fact]
    public async Task Lookups_find_records_and_people_by_nik_phone_and_address_without_the_clear_values()
    {
        await using var tool = await ToolHost.StartAsync();
        await WritePersonalDataAsync(tool);
        await using var ctx = tool.Database.Open();

        var business = await new StoredMatches(ctx).SameBusinessAsync(Nik, BusinessName.Normalize("Warung Bu Sari"), default);
        Assert.Equal("KUMKM-1601-000001", business?.RegistrationNumber);
        Assert.Equal("Sari", (await PersonPhones.FindAsync(ctx, "+6281234567890", default))?.Name);
        Assert.Equal("Sari", (await ctx.PersonAddresses.Where(a => a.Address == "whatsapp:6281234567890").Select(a => a.Person!.Name).SingleAsync()));
        var addresses = new List<string> { "whatsapp:6281234567890" };
        Assert.Equal(1, await ctx.Outbox.CountAsync(o => addresses.Contains(o.Address)));
        Assert.Equal(["whatsapp:6281234567890"], await ctx.Outbox.Select(o => o.Address).Distinct().ToListAsync());
    }

    [Fact]
    public async Task An_import_saved_again_adds_and_changes_nothing_though_each_encryption_differs()
    {
        await using var tool = await ToolHost.StartAsync();
        var file = tool.WriteFile("umkm.csv", ImportFile);
        Assert.Equal(0, (await VerbHarness.RunAsync("records", "import", file, tool.Database.ConfigArg)).ExitCode);

        var again = await VerbHarness.RunAsync("records", "import", file, tool.Database.ConfigArg);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.Contains("0 added, 0 updated, 1 unchanged", again.Output);
        await using var ctx = tool.Database.Open();
        var record = await ctx.UmkmRecords.SingleAsync();
        Assert.Equal((ImportedNik, "+6281299990000"), (record.Nik, record.Hp));
        Assert.Equal(record.RegistrationNumber,
            (await new StoredMatches(ctx).SameBusinessAsync(ImportedNik, record.NamaUsahaNormal, default))?.RegistrationNumber);
    }

    [Fact]
    public async Task Without_the_key_nothing_decrypts()
    {
        await using var tool = await ToolHost.StartAsync();
        await WritePersonalDataAsync(tool);
        await using var thief = tool.Database.Open(new FieldProtector(FieldProtector.NewKey()));

        Assert.Throws<DataProtectionException>(() => thief.UmkmRecords.Select(r => r.Nik).ToList());
        Assert.Throws<DataProtectionException>(() => thief.People.Select(p => p.Phone).Where(p => p != null).ToList());
        Assert.Throws<DataProtectionException>(() => thief.Sessions.Select(s => s.StateJson).ToList());
        Assert.Throws<DataProtectionException>(() => thief.Outbox.Select(s => s.Address).ToList());
    }

    [Fact]
    public async Task A_host_with_another_key_stops_at_start_up_with_a_clear_reason()
    {
        using var db = new TestDatabase();
        await ToolHost.CopyTemplateAsync(db);

        var run = await VerbHarness.RunAsync("progress", "OKU", db.ConfigArg, $"--DataProtection:Key={Convert.ToBase64String(FieldProtector.NewKey())}");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: the data protection key (DataProtection:Key", run.Error);
        Assert.Contains("is not the key this database is encrypted with", run.Error);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task A_lost_key_file_is_named_and_not_replaced_by_a_new_key()
    {
        using var db = new TestDatabase();
        await ToolHost.CopyTemplateAsync(db);

        File.Delete(db.KeyPath);
        var run = await VerbHarness.RunAsync("progress", "OKU", db.ConfigArg);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"the key file {db.KeyPath} is missing", run.Error);
        Assert.False(File.Exists(db.KeyPath));
    }

    [Theory]
    [InlineData("not base64!", "is not base64")]
    [InlineData("AAAA", "holds 3 bytes; a key is 32 bytes")]
    public async Task A_malformed_configured_key_is_a_one_line_start_up_error(string key, string reason)
    {
        using var db = new TestDatabase();

        var run = await VerbHarness.RunAsync("progress", "OKU", db.ConfigArg, $"--DataProtection:Key={key}");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(reason, run.Error);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Values_stored_in_clear_before_encryption_are_encrypted_at_the_next_start()
    {
        await using var tool = await ToolHost.StartAsync();
        var db = tool.Database;
        await WritePersonalDataAsync(tool);

        // As a database from before this version: clear values, no hashes, no key id.
        await using (var sqlite = new SqliteConnection(db.ConnectionString + ";Pooling=False"))
        {
            await sqlite.OpenAsync();
            var protector = db.Protector();
            var ids = new List<(long, string)>();
            await using (var read = sqlite.CreateCommand())
            {
                read.CommandText = "SELECT Id, Phone FROM people WHERE Phone IS NOT NULL";
                await using var reader = await read.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    ids.Add((reader.GetInt64(0), protector.Unprotect(reader.GetString(1))));
                }
            }

            foreach (var (id, phone) in ids)
            {
                await using var clear = sqlite.CreateCommand();
                clear.CommandText = "UPDATE people SET Phone = $p, PhoneHash = NULL WHERE Id = $id";
                clear.Parameters.AddWithValue("$p", phone);
                clear.Parameters.AddWithValue("$id", id);
                await clear.ExecuteNonQueryAsync();
            }

            await using var forget = sqlite.CreateCommand();
            forget.CommandText = "DELETE FROM data_protection";
            await forget.ExecuteNonQueryAsync();
        }

        var start = await VerbHarness.RunAsync("progress", "OKU", db.ConfigArg);
        Assert.True(start.ExitCode == 0, start.Error);

        Assert.DoesNotContain(RawText(db), "+6281234567890");
        await using var ctx = db.Open();
        Assert.Equal("Sari", (await PersonPhones.FindAsync(ctx, "+6281234567890", default))?.Name);
    }

    /// <summary>Records (chat path and import), a person with a WhatsApp address, consent, a session, a reply, a claim, a webhook body.</summary>
    internal static async Task WritePersonalDataAsync(ToolHost tool)
    {
        var now = DateTimeOffset.UtcNow;
        await tool.InScopeAsync<int>(async services =>
        {
            var db = services.GetRequiredService<BotDbContext>();
            var person = new Person { Name = "Sari", Phone = "+6281234567890", CreatedAt = now };
            person.Addresses.Add(new PersonAddress { Address = "whatsapp:6281234567890", CreatedAt = now });
            db.People.Add(person);
            await db.SaveChangesAsync();
            db.Consents.Add(new Consent { PersonId = person.Id, NoticeVersion = "umkm-2026-11", GivenAt = now });
            var writer = services.GetRequiredService<RecordWriter>();
            await writer.SaveUmkmAsync(RecordsTestDatabase.Umkm(), RecordsTestDatabase.Owner(person.Id), default);
            await writer.UpdateAsync(Bot.Core.RecordKind.Umkm, "KUMKM-1601-000001",
                RecordsTestDatabase.Umkm(a => a["hp"] = "+6281377778888"), RecordsTestDatabase.Owner(person.Id), default);
            await writer.SaveKoperasiAsync(RecordsTestDatabase.Koperasi(), RecordsTestDatabase.Owner(person.Id), default);
            db.Sessions.Add(new ConversationSession
            {
                PersonId = person.Id, QuestionnaireId = "umkm", Stage = "Asking", IsActive = true, StartedAt = now, UpdatedAt = now,
                StateJson = $$"""{"answers":{"nik":"{{Nik}}","hp":"+6281234567890"},"address":"whatsapp:6281234567890"}""",
            });
            db.Outbox.Add(new OutboxMessage
            {
                Address = "whatsapp:6281234567890", CreatedAt = now,
                PayloadJson = $$"""{"text":"NIK {{Nik}}, HP 081234567890"}""",
            });
            db.RecordClaims.Add(new RecordClaim
            {
                RecordId = 1, KodeKabupaten = "16.01", ClaimantPersonId = person.Id, CreatedAt = now,
                AnswersJson = $$"""{"nik":"{{Nik}}","hp":"6281234567890"}""",
            });
            db.WebhookInbox.Add(new WebhookInboxItem { Channel = "whatsapp", ReceivedAt = now, Payload = """{"from":"6281234567890"}""" });
            await db.SaveChangesAsync();
            return 0;
        });
        var file = tool.WriteFile("umkm.csv", ImportFile);
        var run = await VerbHarness.RunAsync("records", "import", file, tool.Database.ConfigArg);
        Assert.True(run.ExitCode == 0, run.Error);
    }

    private static string ImportFile =>
        "nik,nama_pemilik,jenis_kelamin,hp,nama_usaha,kbli,kode_desa\n" +
        $"{ImportedNik},Dewi Lestari,P,081299990000,Kedai Dewi,G,16.01.14.1005\n";

    internal static void Checkpoint(string connectionString)
    {
        SqliteConnection.ClearAllPools();
        using var sqlite = new SqliteConnection(connectionString + ";Pooling=False");
        sqlite.Open();
        using var command = sqlite.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
        command.ExecuteNonQuery();
    }

    /// <summary>The database file and its write-ahead log, as a thief copying the folder gets them.</summary>
    internal static byte[] Raw(string path)
    {
        using var all = new MemoryStream();
        foreach (var file in new[] { path, path + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(all);
        }

        return all.ToArray();
    }

    private static string RawText(TestDatabase db) => Encoding.Latin1.GetString(Raw(db.Path));

    internal static bool Contains(byte[] haystack, string needle) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;
}
