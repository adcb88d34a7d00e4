namespace PLKumkm.Bot.Storage;

/// <summary>
/// Files that hold personal data or keys (the database, its -wal and -shm, the key file, backups, exports) are
/// readable by their owner only: 0600, in folders created 0700. Modes are not applied on Windows, whose ACLs follow
/// the folder.
/// </summary>
internal static class OwnerOnlyFiles
{
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>A new file only its owner can read and write (0600), for keys, backups and exports.</summary>
    public static FileStream Create(string path, FileMode mode, int bufferSize = 4096, bool useAsync = false)
    {
        var options = new FileStreamOptions
        {
            Mode = mode,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = bufferSize,
            Options = useAsync ? FileOptions.Asynchronous : FileOptions.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = File;
        }

        var stream = new FileStream(path, options);
        // UnixCreateMode applies only when the file is created; an existing one being overwritten is tightened too.
        Tighten(path);
        return stream;
    }

    /// <summary>Creates a folder 0700 when it does not exist yet (an existing one is the operator's and left as it is).</summary>
    public static void CreateFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, Folder);
        }
    }

    /// <summary>Makes an existing file owner-only (0600); nothing on Windows.</summary>
    public static void Tighten(string path)
    {
        if (!OperatingSystem.IsWindows() && System.IO.File.Exists(path) && (System.IO.File.GetUnixFileMode(path) & ~File) != 0)
        {
            System.IO.File.SetUnixFileMode(path, File);
        }
    }

}
