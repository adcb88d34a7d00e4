using Microsoft.Data.Sqlite;

namespace PLKumkm.Bot.Storage.Protection;

/// <summary>
/// Where the master key comes from and how a key file is written: base64 text of 32 bytes on one line, mode 0600 in a
/// folder created 0700 (see <see cref="OwnerOnlyFiles"/>).
/// </summary>
internal static class KeyFiles
{
    /// <summary>The key file used when none is configured: beside the database, named after it; for PostgreSQL database
    /// <c>plkumkm</c> <c>data/plkumkm.key</c> in the working folder (every instance on one database needs the same key).</summary>
    public static string? DefaultPath(string connectionString)
    {
        if (DatabaseProviders.Of(connectionString) == DatabaseProvider.PostgreSql)
        {
            return Path.GetFullPath(Path.Combine("data", PostgresDatabaseName(connectionString) + ".key"));
        }

        var source = DatabaseFile(connectionString);
        return source is null ? null : Path.ChangeExtension(source, ".key");
    }

    /// <summary>A PostgreSQL connection string's database, made safe as a file name.</summary>
    public static string PostgresDatabaseName(string connectionString)
    {
        var name = new Npgsql.NpgsqlConnectionStringBuilder(connectionString).Database ?? "plkumkm";
        return string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
    }

    /// <summary>The database's file, or null for an in-memory database (or a PostgreSQL server).</summary>
    public static string? DatabaseFile(string connectionString)
    {
        if (DatabaseProviders.Of(connectionString) == DatabaseProvider.PostgreSql)
        {
            return null;
        }

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
        OwnerOnlyFiles.Tighten(path);
        return Parse(File.ReadAllText(path), $"key file {path}");
    }

    /// <summary>Writes a new key file; fails if <paramref name="path"/> exists.</summary>
    public static void Write(string path, byte[] key)
    {
        OwnerOnlyFiles.CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = OwnerOnlyFiles.Create(path, FileMode.CreateNew);
        using var writer = new StreamWriter(file);
        writer.WriteLine(Convert.ToBase64String(key));
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
