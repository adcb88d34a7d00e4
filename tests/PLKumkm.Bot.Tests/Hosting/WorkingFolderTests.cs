namespace PLKumkm.Bot.Tests.Hosting;

/// <summary>Relative paths and the operator's appsettings.json follow the folder the command is typed in.</summary>
[Trait(TestCategories.Key, TestCategories.Slow)]
public sealed class WorkingFolderTests
{
    [Fact]
    public async Task The_database_and_input_files_are_found_from_the_folder_the_command_starts_in()
    {
        var folder = Directory.CreateTempSubdirectory("plkumkm-cwd-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "targets.csv"),
                "region_code,target,enumerators,coordinators,start,end\n16.01,42000,84,6,2022-04-01,2022-10-31\n");

            var import = await BotProcess.DotnetRunAsync(folder.FullName, null, null, "targets", "import", "targets.csv");
            Assert.True(import.ExitCode == 0, import.Output + import.Error);
            Assert.True(File.Exists(Path.Combine(folder.FullName, "data", "plkumkm.db")), "data/plkumkm.db not in the starting folder");

            var export = await BotProcess.DotnetRunAsync(folder.FullName, null, null,
                "records", "export", "--region", "16.01", "--format", "csv", "--out", "exp.csv");
            Assert.True(export.ExitCode == 0, export.Output + export.Error);
            Assert.True(File.Exists(Path.Combine(folder.FullName, "exp.csv")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task An_appsettings_json_in_the_starting_folder_is_read()
    {
        var folder = Directory.CreateTempSubdirectory("plkumkm-cwd-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "appsettings.json"),
                """{ "ConnectionStrings": { "Bot": "Data Source=mine/bot.db" } }""");

            var run = await BotProcess.DotnetRunAsync(folder.FullName, null, null, "progress", "OKU");
            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            Assert.Contains("Kabupaten Ogan Komering Ulu", run.Output);
            Assert.True(File.Exists(Path.Combine(folder.FullName, "mine", "bot.db")));
            Assert.False(Directory.Exists(Path.Combine(folder.FullName, "data")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
