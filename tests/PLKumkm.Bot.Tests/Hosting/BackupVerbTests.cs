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
