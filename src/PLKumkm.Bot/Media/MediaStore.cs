using Microsoft.Extensions.Options;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Storage;
using PLKumkm.Bot.Storage.Protection;

namespace PLKumkm.Bot.Media;

/// <summary>A photo kept in the store.</summary>
internal sealed record StoredMedia(MediaReference Reference, long Length, bool WasNew);

/// <summary>
/// The content-addressed file store for received photos (<c>data/media/</c> by default): each file named by the
/// SHA-256 of its bytes (<see cref="MediaReference.RelativePath"/>), so the same photo sent twice is one file. Files are
/// written 0600 in folders created 0700, first to <c>tmp/</c> and then moved into place, so a file under its name is
/// always whole. Its type is read from its first bytes, not from what the channel claims.
/// </summary>
internal sealed class MediaStore
{
    private const string TempFolder = "tmp";

    public MediaStore(IOptions<MediaOptions> options, IOptions<StorageOptions> storage)
        : this(ResolveFolder(options.Value, storage.Value.ConnectionString), options.Value.MaxBytes)
    {
    }

    public MediaStore(string folder, long maxBytes)
    {
        Folder = Path.GetFullPath(folder);
        MaxBytes = maxBytes;
    }

    public string Folder { get; }

    public long MaxBytes { get; }

    /// <summary><c>Media:Directory</c>, else <c>media</c> beside the database file (an in-memory database: <c>data/media</c>;
    /// PostgreSQL database <c>plkumkm</c>: <c>data/plkumkm.media</c>).</summary>
    public static string ResolveFolder(MediaOptions options, string connectionString)
    {
        if (!string.IsNullOrWhiteSpace(options.Directory))
        {
            return Path.GetFullPath(options.Directory);
        }

        if (DatabaseProviders.Of(connectionString) == DatabaseProvider.PostgreSql)
        {
            // Named after the database, as a backup's photos are after its file: data/plkumkm.media.
            return Path.GetFullPath(Path.Combine("data", KeyFiles.PostgresDatabaseName(connectionString) + ".media"));
        }

        var database = KeyFiles.DatabaseFile(connectionString);
        return Path.Combine(database is null ? Path.GetFullPath("data") : Path.GetDirectoryName(database)!, "media");
    }

    public string PathOf(MediaReference reference) => Path.Combine(Folder, reference.RelativePath);

    public bool Exists(MediaReference reference) => File.Exists(PathOf(reference));

    /// <summary>
    /// Stores what <paramref name="write"/> writes into the stream it is given. Throws
    /// <see cref="MediaRefusedException"/> beyond <see cref="MaxBytes"/> (as soon as the limit is passed) or when the
    /// bytes are no JPEG, PNG or WebP; nothing is left behind then.
    /// </summary>
    public async Task<StoredMedia> SaveAsync(Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        OwnerOnlyFiles.CreateFolder(Folder);
        var temp = Path.Combine(Folder, TempFolder);
        OwnerOnlyFiles.CreateFolder(temp);
        var partial = Path.Combine(temp, Guid.NewGuid().ToString("N") + ".part");
        try
        {
            string hash;
            string? extension;
            long length;
            await using (var file = OwnerOnlyFiles.Create(partial, FileMode.CreateNew, 1 << 16, useAsync: true))
            await using (var counted = new HashingLimitStream(file, MaxBytes))
            {
                await write(counted, ct);
                await counted.FlushAsync(ct);
                file.Flush(flushToDisk: true);
                hash = counted.HashHex();
                extension = PhotoSniffer.Extension(counted.Head);
                length = counted.Length;
            }

            if (length == 0 || extension is null)
            {
                throw new MediaRefusedException(new MediaProblem(MediaProblemKind.NotAPhoto));
            }

            var reference = new MediaReference(hash, extension);
            var target = PathOf(reference);
            if (File.Exists(target))
            {
                // Seen again: younger than the sweep's grace period, so a file about to be referenced is not swept.
                File.SetLastWriteTimeUtc(target, DateTime.UtcNow);
                return new StoredMedia(reference, length, WasNew: false);
            }

            OwnerOnlyFiles.CreateFolder(Path.GetDirectoryName(target)!);
            try
            {
                File.Move(partial, target, overwrite: false);
            }
            catch (IOException) when (File.Exists(target))
            {
                // The same photo stored meanwhile by another update: the bytes are the same.
                return new StoredMedia(reference, length, WasNew: false);
            }

            return new StoredMedia(reference, length, WasNew: true);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>Deletes the file of <paramref name="reference"/>, if there is one; true when one was deleted.</summary>
    public bool Delete(MediaReference reference)
    {
        var path = PathOf(reference);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    /// <summary>
    /// Copies every stored file into <paramref name="destination"/> with the same layout (folders 0700, files 0600),
    /// e.g. beside a database backup. Files are never changed once written, so a copy taken while the bot runs is whole.
    /// </summary>
    public async Task<int> CopyAllToAsync(string destination, CancellationToken ct)
    {
        var copied = 0;
        foreach (var (reference, _) in List().ToList())
        {
            var target = Path.Combine(destination, reference.RelativePath);
            OwnerOnlyFiles.CreateFolder(destination);
            OwnerOnlyFiles.CreateFolder(Path.GetDirectoryName(target)!);
            try
            {
                await using var source = new FileStream(PathOf(reference), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
                await using var copy = OwnerOnlyFiles.Create(target, FileMode.CreateNew, 1 << 16, useAsync: true);
                await source.CopyToAsync(copy, ct);
            }
            catch (FileNotFoundException)
            {
                // Deleted (erased) since it was listed: rightly not in the copy.
                File.Delete(target);
                continue;
            }

            copied++;
        }

        return copied;
    }

    /// <summary>Every stored file with its last write time (UTC); files whose names are no reference are left out.</summary>
    public IEnumerable<(MediaReference Reference, DateTime WrittenAtUtc)> List()
    {
        if (!Directory.Exists(Folder))
        {
            yield break;
        }

        foreach (var sub in Directory.EnumerateDirectories(Folder))
        {
            if (Path.GetFileName(sub) == TempFolder)
            {
                continue;
            }

            foreach (var path in Directory.EnumerateFiles(sub))
            {
                var name = Path.GetFileName(path);
                if (MediaReference.TryParse(MediaReference.Scheme + name, out var reference) && reference.RelativePath == Path.GetRelativePath(Folder, path))
                {
                    yield return (reference, File.GetLastWriteTimeUtc(path));
                }
            }
        }
    }
}
