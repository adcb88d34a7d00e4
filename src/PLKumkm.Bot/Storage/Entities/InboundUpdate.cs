namespace PLKumkm.Bot.Storage.Entities;

/// <summary>An update already processed; its key makes a redelivered update a no-op.</summary>
internal sealed class InboundUpdate
{
    public string UpdateKey { get; set; } = "";
    public DateTimeOffset ProcessedAt { get; set; }
}
