using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Hosting.Verbs;

/// <summary><c>backup FILE</c>: a consistent copy of the live database (SQLite's online backup), safe while the bot runs.</summary>
internal static class BackupVerb
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the copy (must not exist yet)" };
        var command = new Command("backup", "Consistent online copy of the database") { file };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, ct) => VerbRunner.RunAsync(result, async (services, output, token) =>
        {
            var target = result.GetValue(file)!;
            if (target.Exists)
            {
                throw new VerbException($"{target.FullName} already exists; choose a new file name");
            }

            target.Directory?.Create();
            // Created owner-only (0600) before SQLite writes into it: a backup holds everything the database does.
            OwnerOnlyFiles.Create(target.FullName, FileMode.CreateNew).Dispose();
            var source = services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString;
            await using (var from = new SqliteConnection(source))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target.FullName, Pooling = false }.ToString()))
            {
                await from.OpenAsync(token);
                await to.OpenAsync(token);
                from.BackupDatabase(to);
            }

            target.Refresh();
            await output.WriteLineAsync(FormattableString.Invariant($"Cadangan tersimpan: {target.FullName} ({target.Length / 1024} KB)"));
        }, ct));
        return command;
    }
}
