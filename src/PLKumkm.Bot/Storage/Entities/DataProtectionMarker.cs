namespace PLKumkm.Bot.Storage.Entities;

/// <summary>The one row naming the key the database's personal values are encrypted with (its id, never the key).</summary>
internal sealed class DataProtectionMarker
{
    public const int TheRow = 1;

    public int Id { get; set; } = TheRow;
    public string KeyId { get; set; } = "";
    public DateTimeOffset SetAt { get; set; }
}
