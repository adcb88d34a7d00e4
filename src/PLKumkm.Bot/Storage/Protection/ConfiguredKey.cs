using Microsoft.Extensions.Options;

namespace PLKumkm.Bot.Storage.Protection;

/// <summary>The key this process runs with, and where it came from (for error messages and <c>keys rotate</c>).</summary>
internal sealed class ConfiguredKey
{
    public ConfiguredKey(IOptions<DataProtectionOptions> options, IOptions<StorageOptions> storage)
    {
        var o = options.Value;
        var connection = storage.Value.ConnectionString;
        FilePath = !string.IsNullOrWhiteSpace(o.Key) ? null
            : !string.IsNullOrWhiteSpace(o.KeyFile) ? Path.GetFullPath(o.KeyFile)
            : KeyFiles.DefaultPath(connection);
        Source = !string.IsNullOrWhiteSpace(o.Key) ? $"{DataProtectionOptions.Section}:Key"
            : FilePath is null ? "a key for this in-memory database" : $"key file {FilePath}";
        if (FilePath is not null && !File.Exists(FilePath) && ProtectionMarker.StoredKeyId(connection) is { } stored)
        {
            // A new key would read nothing: say which key is missing instead of making one.
            throw new DataProtectionException(
                $"the key file {FilePath} is missing and the database is encrypted with key id {stored}: restore that key file " +
                $"(or set {DataProtectionOptions.Section}:KeyFile to it); without it no NIK or phone number stored here can be read");
        }

        Protector = KeyFiles.Load(o, connection);
    }

    public FieldProtector Protector { get; }

    /// <summary>The key file, or null when the key is in configuration (or the database is in memory).</summary>
    public string? FilePath { get; }

    public string Source { get; }
}
