namespace PLKumkm.Bot.Storage.Entities;

/// <summary>The last number handed out per prefix (e.g. <c>KUMKM-1601</c>); numbers are never reused.</summary>
internal sealed class RegistrationSequence
{
    public string Prefix { get; set; } = "";
    public long LastValue { get; set; }
}
