using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Media;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Hosting.Verbs;

/// <summary><c>backup FILE</c>: a consistent copy of the live database (SQLite's online backup), safe while the bot runs, and
/// of the stored photos into <c>FILE.media/</c>.</summary>
internal static class BackupVerb
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Where to write the copy (must not exist yet)" };
        var command = new Command("backup", "Consistent online copy of the database, and of the stored photos into FILE.media/") { file };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, ct) => VerbRunner.RunAsync(result, async (services, output, token) =>
        {
            var target = result.GetValue(file)!;
            var photos = MediaFolderOf(target.FullName);
            if (target.Exists || Directory.Exists(photos))
            {
                throw new VerbException($"{(target.Exists ? target.FullName : photos)} already exists; choose a new file name");
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
            // After the database: every photo its copy refers to was stored before it, so it is in the folder too.
            var copied = await services.GetRequiredService<MediaStore>().CopyAllToAsync(photos, token);
            if (copied > 0)
            {
                await output.WriteLineAsync(FormattableString.Invariant($"Foto tersalin: {copied} berkas di {photos}"));
            }
        }, ct));
        return command;
    }

    /// <summary>The photos of backup <c>FILE</c> go to <c>FILE.media/</c>, laid out as <c>data/media/</c>.</summary>
    public static string MediaFolderOf(string backupFile) => backupFile + ".media";
}
