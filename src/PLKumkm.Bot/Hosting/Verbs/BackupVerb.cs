using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Media;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Hosting.Verbs;

/// <summary><c>backup FILE</c>: a consistent copy of the live database (SQLite's online backup), safe while the bot runs, and
/// of the stored photos into <c>FILE.media/</c>. On PostgreSQL the database is the server's to copy (<c>pg_dump</c>, whose
/// exact command this prints): only the photos, which live beside the bot, are copied, and the verb fails, so that a script
/// never takes FILE for a backup that was not made.</summary>
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
            var source = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (source.Provider == DatabaseProvider.PostgreSql)
            {
                var photoCount = await services.GetRequiredService<MediaStore>().CopyAllToAsync(photos, token);
                throw new VerbException(PgDumpAdvice(source.ConnectionString, target.FullName) +
                    (photoCount > 0 ? FormattableString.Invariant($"; the stored photos were copied: {photoCount} files in {photos}") : "; there are no stored photos to copy"));
            }

            // Created owner-only (0600) before SQLite writes into it: a backup holds everything the database does.
            OwnerOnlyFiles.Create(target.FullName, FileMode.CreateNew).Dispose();
            await using (var from = new SqliteConnection(source.ConnectionString))
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

    /// <summary>What to run instead on PostgreSQL: <c>pg_dump</c> of the configured database into FILE (no password on the
    /// command line: <c>PGPASSWORD</c> or <c>~/.pgpass</c>).</summary>
    public static string PgDumpAdvice(string connectionString, string file)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var target = $"host={Libpq(builder.Host!)} port={builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)} dbname={Libpq(builder.Database!)}" +
            (string.IsNullOrEmpty(builder.Username) ? "" : $" user={Libpq(builder.Username)}");
        return $"the database is on PostgreSQL, which this command does not copy: run pg_dump --format=custom --file={Shell(file)} {Shell(target)} " +
            "(the password from PGPASSWORD or ~/.pgpass; restore with pg_restore --dbname=… FILE)";
    }

    private static string Libpq(string value) =>
        value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or ':')
            ? value
            : "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    private static string Shell(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or ':' or '=')
            ? value
            : "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("$", "\\$", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal) + "\"";

    /// <summary>The photos of backup <c>FILE</c> go to <c>FILE.media/</c>, laid out as <c>data/media/</c>.</summary>
    public static string MediaFolderOf(string backupFile) => backupFile + ".media";
}
