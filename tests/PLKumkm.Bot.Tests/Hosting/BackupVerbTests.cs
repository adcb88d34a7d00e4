using Microsoft.Data.Sqlite;

namespace PLKumkm.Bot.Tests.Hosting;

public sealed class BackupVerbTests
{
    [Fact]
    public async Task Backup_writes_a_consistent_copy_that_opens_as_a_database()
    {
        using var db = new TestDatabase();
        var copy = Path.Combine(db.Folder, "copies", "backup.db");

        var run = await VerbHarness.RunAsync("backup", copy, db.ConfigArg);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("Cadangan tersimpan", run.Output);
        await using var connection = new SqliteConnection($"Data Source={copy};Pooling=False");
        await connection.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM regions WHERE Level = 4";
        Assert.Equal(83_763L, (long)(await count.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task Backup_copies_the_stored_photos_beside_the_copy_owner_only()
    {
        using var db = new TestDatabase();
        var store = new Bot.Media.MediaStore(Path.Combine(db.Folder, "media"), 1024 * 1024);
        var photos = new[] { Fakes.FakeMedia.Jpeg("one"), Fakes.FakeMedia.Png("two") };
        var references = new List<Bot.Media.MediaReference>();
        foreach (var photo in photos)
        {
            references.Add((await store.SaveAsync((s, ct) => s.WriteAsync(photo, ct).AsTask(), default)).Reference);
        }

        var copy = Path.Combine(db.Folder, "copies", "backup.db");
        var run = await VerbHarness.RunAsync("backup", copy, db.ConfigArg);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"Foto tersalin: 2 berkas di {copy}.media", run.Output, StringComparison.Ordinal);
        for (var i = 0; i < photos.Length; i++)
        {
            var copied = Path.Combine(copy + ".media", references[i].RelativePath);
            Assert.Equal(photos[i], await File.ReadAllBytesAsync(copied));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(Bot.Storage.OwnerOnlyFiles.File, File.GetUnixFileMode(copied));
                Assert.Equal(Bot.Storage.OwnerOnlyFiles.Folder, File.GetUnixFileMode(Path.GetDirectoryName(copied)!));
                Assert.Equal(Bot.Storage.OwnerOnlyFiles.Folder, File.GetUnixFileMode(copy + ".media"));
            }
        }

        // The same name again is refused for the photos' folder too, not only for the database file.
        File.Delete(copy);
        var again = await VerbHarness.RunAsync("backup", copy, db.ConfigArg);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains(".media already exists", again.Error, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task On_PostgreSQL_backup_copies_the_photos_and_refuses_with_the_pg_dump_command_to_run()
    {
        PostgresServer.SkipUnlessAvailable();
        await using var tool = await ToolHost.StartAsync(new TestDatabase(provider: Bot.Storage.DatabaseProvider.PostgreSql));
        var media = Path.Combine(tool.Database.Folder, "media");
        var store = new Bot.Media.MediaStore(media, 1024 * 1024);
        var photo = Fakes.FakeMedia.Jpeg("one");
        var reference = (await store.SaveAsync((s, ct) => s.WriteAsync(photo, ct).AsTask(), default)).Reference;
        var copy = Path.Combine(tool.Database.Folder, "copies", "backup.dump");

        var run = await VerbHarness.RunAsync("backup", copy, tool.Database.ConfigArg, $"--Media:Directory={media}");

        Assert.Equal(1, run.ExitCode);
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(tool.Database.ConnectionString);
        var command = $"pg_dump --format=custom --file={copy} \"host={builder.Host} port={builder.Port} dbname={builder.Database} user={builder.Username}\"";
        Assert.Contains($"the database is on PostgreSQL, which this command does not copy: run {command}", run.Error, StringComparison.Ordinal);
        Assert.Contains($"the stored photos were copied: 1 files in {copy}.media", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(copy));
        Assert.Equal(photo, await File.ReadAllBytesAsync(Path.Combine(copy + ".media", reference.RelativePath)));

        // The command as printed makes the dump (where the client is installed).
        var pgDump = new[] { "/usr/bin/pg_dump", "/usr/lib/postgresql/15/bin/pg_dump" }.FirstOrDefault(File.Exists);
        if (pgDump is not null)
        {
            var dump = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("bash", ["-c", command.Replace("pg_dump", pgDump, StringComparison.Ordinal)])
            {
                RedirectStandardError = true,
            })!;
            var error = await dump.StandardError.ReadToEndAsync();
            await dump.WaitForExitAsync();
            Assert.True(dump.ExitCode == 0, error);
            Assert.True(new FileInfo(copy).Length > 100_000);
        }
    }

    [Fact]
    public async Task Backup_refuses_to_overwrite_with_a_one_line_reason()
    {
        using var db = new TestDatabase();
        var existing = Path.Combine(db.Folder, "exists.db");
        await File.WriteAllTextAsync(existing, "x");

        var run = await VerbHarness.RunAsync("backup", existing, db.ConfigArg);

        Assert.NotEqual(0, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
        Assert.Contains("already exists", run.Error);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Unknown_verb_option_value_is_a_non_zero_exit() =>
        Assert.NotEqual(0, (await VerbHarness.RunAsync("backup")).ExitCode);
}
