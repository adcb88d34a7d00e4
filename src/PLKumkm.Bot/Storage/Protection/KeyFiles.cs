using Microsoft.Data.Sqlite;

namespace PLKumkm.Bot.Storage.Protection;

/// <summary>
/// Where the master key comes from and how a key file is written: base64 text of 32 bytes on one line, mode 0600 in a
/// folder created 0700 (owner only; modes are not applied on Windows, whose ACLs follow the folder).
/// </summary>
internal static class KeyFiles
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The key file used when none is configured: beside the database, named after it.</summary>
    public static string? DefaultPath(string connectionString)
    {
        var source = DatabaseFile(connectionString);
        return source is null ? null : Path.ChangeExtension(source, ".key");
    }

    /// <summary>The database's file, or null for an in-memory database.</summary>
    public static string? DatabaseFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var source = builder.DataSource;
        return source == ":memory:" || builder.Mode == SqliteOpenMode.Memory || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || source.Length == 0
            ? null
            : Path.GetFullPath(source);
    }

    /// <summary>The configured key, the configured key file, or the default key file (created when missing).</summary>
    public static FieldProtector Load(DataProtectionOptions options, string connectionString)
    {
        if (options.Problem() is { } problem)
        {
            throw new DataProtectionException(problem);
        }

        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            return new FieldProtector(Parse(options.Key, $"{DataProtectionOptions.Section}:Key"));
        }

        var path = !string.IsNullOrWhiteSpace(options.KeyFile) ? Path.GetFullPath(options.KeyFile) : DefaultPath(connectionString);
        // An in-memory database lives as long as the process: so does its key.
        return path is null ? new FieldProtector(FieldProtector.NewKey()) : new FieldProtector(ReadOrCreate(path));
    }

    /// <summary>The key in <paramref name="path"/>; a new one written there (0600) when the file does not exist.</summary>
    public static byte[] ReadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            return Read(path);
        }

        var key = FieldProtector.NewKey();
        try
        {
            Write(path, key);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (a verb started with the bot) wrote it first: theirs is the key.
            return Read(path);
        }

        return key;
    }

    public static byte[] Read(string path)
    {
        Tighten(path);
        return Parse(File.ReadAllText(path), $"key file {path}");
    }

    /// <summary>Writes a new key file; fails if <paramref name="path"/> exists.</summary>
    public static void Write(string path, byte[] key)
    {
        CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = CreateOwnerOnly(path, FileMode.CreateNew);
        using var writer = new StreamWriter(file);
        writer.WriteLine(Convert.ToBase64String(key));
    }

    /// <summary>A new file only its owner can read and write (0600), for keys, backups and exports.</summary>
    public static FileStream CreateOwnerOnly(string path, FileMode mode, int bufferSize = 4096, bool useAsync = false)
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
            options.UnixCreateMode = OwnerOnly;
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
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }
    }

    /// <summary>Makes an existing file owner-only (0600); nothing on Windows.</summary>
    public static void Tighten(string path)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }
    }

    /// <summary>Why <paramref name="text"/> is not a key (base64 of 32 bytes), or null.</summary>
    public static string? ParseProblem(string text, string what)
    {
        try
        {
            _ = Parse(text, what);
            return null;
        }
        catch (DataProtectionException e)
        {
            return e.Message;
        }
    }

    private static byte[] Parse(string text, string what)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException)
        {
            throw new DataProtectionException($"{what} is not base64 (a key is 32 random bytes in base64, e.g. from `openssl rand -base64 32`)");
        }

        return key.Length == FieldProtector.KeySize
            ? key
            : throw new DataProtectionException($"{what} holds {key.Length} bytes; a key is {FieldProtector.KeySize} bytes (`openssl rand -base64 32`)");
    }
}
