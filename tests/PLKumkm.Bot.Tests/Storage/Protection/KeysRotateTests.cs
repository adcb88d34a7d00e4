using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Storage.Protection;
using PLKumkm.Bot.Tests.Hosting;

namespace PLKumkm.Bot.Tests.Storage.Protection;

/// <summary><c>keys rotate</c>, as an admin runs it with the bot stopped.</summary>
public sealed class KeysRotateTests
{
    [Fact]
    public async Task After_rotation_the_old_key_reads_nothing_the_new_one_reads_everything_and_lookups_still_find()
    {
        await using var tool = await ToolHost.StartAsync();
        await EncryptionAtRestTests.WritePersonalDataAsync(tool);
        var old = tool.Database.Protector();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var run = await VerbHarness.RunAsync("keys", "rotate", tool.Database.ConfigArg);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"key id {old.KeyId} → ", run.Output);
        var fresh = tool.Database.Protector();
        Assert.NotEqual(old.KeyId, fresh.KeyId);
        Assert.False(File.Exists(tool.Database.KeyPath + KeyRotation.OldSuffix));
        Assert.False(File.Exists(tool.Database.KeyPath + KeyRotation.NewSuffix));
        await using (var stale = tool.Database.Open(old))
        {
            Assert.Throws<DataProtectionException>(() => stale.UmkmRecords.Select(r => r.Nik).ToList());
            Assert.Throws<DataProtectionException>(() => stale.Outbox.Select(o => o.PayloadJson).ToList());
        }

        await using var ctx = tool.Database.Open(fresh);
        Assert.Equal(["1601074508900001", "1601075203910002"], await ctx.UmkmRecords.OrderBy(r => r.Id).Select(r => r.Nik!).ToListAsync());
        Assert.Contains("1601074508900001", (await ctx.Sessions.SingleAsync()).StateJson);
        Assert.Equal("KUMKM-1601-000001",
            (await new StoredMatches(ctx).SameBusinessAsync("1601074508900001", BusinessName.Normalize("Warung Bu Sari"), default))?.RegistrationNumber);
        Assert.Equal("Sari", (await PersonPhones.FindAsync(ctx, "+6281234567890", default))?.Name);
        Assert.Equal(1, await ctx.PersonAddresses.CountAsync(a => a.Address == "whatsapp:6281234567890"));
        // The bot starts on the new key.
        Assert.Equal(0, (await VerbHarness.RunAsync("progress", "OKU", tool.Database.ConfigArg)).ExitCode);
    }

    [Fact]
    public async Task Rotation_refuses_while_the_database_is_open_elsewhere()
    {
        await using var tool = await ToolHost.StartAsync();
        await using var running = tool.Database.Open();
        await running.Database.OpenConnectionAsync();
        await running.Regions.AnyAsync();

        var run = await VerbHarness.RunAsync("keys", "rotate", tool.Database.ConfigArg);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the database is in use: stop the bot", run.Error);
        Assert.Equal(0, await running.Regions.CountAsync(r => r.Code == "none"));
        // Refused means untouched: no new or copied key left behind for the next start to take for a broken rotation.
        Assert.False(File.Exists(tool.Database.KeyPath + ".new"));
        Assert.False(File.Exists(tool.Database.KeyPath + ".old"));
    }

    [SkippableFact]
    public async Task On_PostgreSQL_rotation_rewrites_everything_under_the_new_key()
    {
        PostgresServer.SkipUnlessAvailable();
        await using var tool = await ToolHost.StartAsync(new TestDatabase(provider: Bot.Storage.DatabaseProvider.PostgreSql));
        await EncryptionAtRestTests.WritePersonalDataAsync(tool);
        var old = tool.Database.Protector();
        // The key file of this database alone (a host on PostgreSQL would otherwise take the shared data/plkumkm.key).
        var keyFile = $"--DataProtection:KeyFile={tool.Database.KeyPath}";

        var run = await VerbHarness.RunAsync("keys", "rotate", tool.Database.ConfigArg, keyFile);

        Assert.True(run.ExitCode == 0, run.Error);
        var fresh = tool.Database.Protector();
        Assert.NotEqual(old.KeyId, fresh.KeyId);
        await using (var stale = tool.Database.Open(old))
        {
            Assert.Throws<DataProtectionException>(() => stale.UmkmRecords.Select(r => r.Nik).ToList());
        }

        await using var ctx = tool.Database.Open(fresh);
        Assert.Equal(["1601074508900001", "1601075203910002"], await ctx.UmkmRecords.OrderBy(r => r.Id).Select(r => r.Nik!).ToListAsync());
        Assert.Equal("KUMKM-1601-000001",
            (await new StoredMatches(ctx).SameBusinessAsync("1601074508900001", BusinessName.Normalize("Warung Bu Sari"), default))?.RegistrationNumber);
        Assert.Equal(fresh.KeyId, await ctx.Database.SqlQueryRaw<string>("SELECT \"KeyId\" AS \"Value\" FROM data_protection").SingleAsync());
    }

    [SkippableFact]
    public async Task On_PostgreSQL_rotation_refuses_while_another_session_is_on_the_database()
    {
        PostgresServer.SkipUnlessAvailable();
        await using var tool = await ToolHost.StartAsync(new TestDatabase(provider: Bot.Storage.DatabaseProvider.PostgreSql));
        // Not pooled, so the rotation's clearing of this process's pools leaves it open: another client, as a running bot is.
        await using var running = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(tool.Database.ConnectionString)
        {
            Pooling = false, ApplicationName = "plkumkm-bot",
        }.ToString());
        await running.OpenAsync();

        var run = await VerbHarness.RunAsync("keys", "rotate", tool.Database.ConfigArg, $"--DataProtection:KeyFile={tool.Database.KeyPath}");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("the database is in use (1 other session(s): plkumkm-bot@", run.Error);
        Assert.Contains("stop the bot", run.Error);
        Assert.False(File.Exists(tool.Database.KeyPath + ".new"));
        Assert.False(File.Exists(tool.Database.KeyPath + ".old"));
        await using var ctx = tool.Database.Open();
        Assert.Equal(tool.Database.Protector().KeyId, await ctx.Database.SqlQueryRaw<string>("SELECT \"KeyId\" AS \"Value\" FROM data_protection").SingleAsync());
    }

    [Fact]
    public async Task A_key_set_in_configuration_needs_a_new_key_file_to_rotate_to()
    {
        using var db = new TestDatabase();
        await ToolHost.CopyTemplateAsync(db);
        var key = Convert.ToBase64String(TestDatabase.SharedKey);
        var newKey = Path.Combine(db.Folder, "next.key");

        var refused = await VerbHarness.RunAsync("keys", "rotate", db.ConfigArg, $"--DataProtection:Key={key}");
        var done = await VerbHarness.RunAsync("keys", "rotate", "--new-key-file", newKey, db.ConfigArg, $"--DataProtection:Key={key}");

        Assert.Contains("give --new-key-file FILE", refused.Error);
        Assert.True(done.ExitCode == 0, done.Error);
        Assert.Contains($"DataProtection:KeyFile={newKey}", done.Output);
        Assert.Equal(0, (await VerbHarness.RunAsync("progress", "OKU", db.ConfigArg, $"--DataProtection:KeyFile={newKey}")).ExitCode);
        Assert.Equal(1, (await VerbHarness.RunAsync("progress", "OKU", db.ConfigArg, $"--DataProtection:Key={key}")).ExitCode);
    }
}
