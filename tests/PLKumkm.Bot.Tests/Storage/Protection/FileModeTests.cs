using PLKumkm.Bot.Tests.Hosting;

namespace PLKumkm.Bot.Tests.Storage.Protection;

/// <summary>Owner-only files: the data folder 0700; the database, its log, the key, backups and exports 0600.</summary>
public sealed class FileModeTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static UnixFileMode ModeOf(string path) =>
        OperatingSystem.IsWindows() ? throw new PlatformNotSupportedException() : File.GetUnixFileMode(path);

    [SkippableFact]
    public async Task A_first_run_creates_the_folder_0700_and_the_database_its_log_and_key_0600()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        using var root = new TestDatabase(withKey: false);
        var data = Path.Combine(root.Folder, "data");
        var database = Path.Combine(data, "plkumkm.db");

        var run = await VerbHarness.RunAsync("users", "add", "--phone", "081234567890", "--role", "enumerator", "--region", "16.01", "--name", "Rina",
            $"--ConnectionStrings:Bot=Data Source={database}");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, ModeOf(data));
        foreach (var file in new[] { database, database + "-wal", database + "-shm", Path.Combine(data, "plkumkm.key") }.Where(File.Exists))
        {
            Assert.True(OwnerOnly == ModeOf(file), $"{file}: {ModeOf(file)}");
        }

        Assert.True(File.Exists(Path.Combine(data, "plkumkm.key")));
        var again = await VerbHarness.RunAsync("progress", "OKU", $"--ConnectionStrings:Bot=Data Source={database}");
        Assert.True(again.ExitCode == 0, again.Error);
    }

    [SkippableFact]
    public async Task Backups_and_exports_with_full_niks_are_0600()
    {
        Skip.If(OperatingSystem.IsWindows(), "Unix file modes");
        await using var tool = await ToolHost.StartAsync();
        await EncryptionAtRestTests.WritePersonalDataAsync(tool);
        var backup = Path.Combine(tool.Database.Folder, "backup.db");
        var csv = Path.Combine(tool.Database.Folder, "oku.csv");
        var xlsx = Path.Combine(tool.Database.Folder, "oku.xlsx");

        Assert.Equal(0, (await VerbHarness.RunAsync("backup", backup, tool.Database.ConfigArg)).ExitCode);
        Assert.Equal(0, (await VerbHarness.RunAsync("records", "export", "--region", "16.01", "--out", csv, "--with-nik", tool.Database.ConfigArg)).ExitCode);
        Assert.Equal(0, (await VerbHarness.RunAsync("records", "export", "--region", "16.01", "--format", "xlsx", "--out", xlsx, tool.Database.ConfigArg)).ExitCode);

        foreach (var file in new[] { backup, csv, xlsx })
        {
            Assert.True(OwnerOnly == ModeOf(file), $"{file}: {ModeOf(file)}");
        }

        // The export decrypts: the NIK is there in full, as asked.
        Assert.Contains("1601074508900001", await File.ReadAllTextAsync(csv));
    }
}
