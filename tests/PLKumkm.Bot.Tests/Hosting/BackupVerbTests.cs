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
