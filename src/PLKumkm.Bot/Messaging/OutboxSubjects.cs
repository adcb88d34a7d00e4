using System.Globalization;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Regions;

namespace PLKumkm.Bot.Messaging;

/// <summary>
/// The values of <see cref="Storage.Entities.OutboxMessage.Subject"/>: what a message shows of someone other than its
/// addressee, so that erasing that someone also blanks what was said about them in staff chats.
/// </summary>
internal static class OutboxSubjects
{
    private const string ExportPrefix = "export:";

    /// <summary>
    /// A reply to someone whose data was just erased (the confirmation, an erasure request's outcome): the row is
    /// deleted once delivered, as its address is their chat id (their phone, on WhatsApp).
    /// </summary>
    public const string ErasedPerson = "erased";

    /// <summary>A card or reply showing a record's personal values (review card, erasure request card).</summary>
    public static string Record(RecordKind kind, long id) =>
        (kind == RecordKind.Koperasi ? "koperasi:" : "umkm:") + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>An ownership claim card (the claimant's answers and the record's owner).</summary>
    public static string Claim(long claimId) => "claim:" + claimId.ToString(CultureInfo.InvariantCulture);

    /// <summary>An export document of every record in <paramref name="regionCode"/> (<c>""</c>: the whole country).</summary>
    public static string Export(string regionCode) => ExportPrefix + regionCode;

    public static bool IsExport(string? subject) => subject?.StartsWith(ExportPrefix, StringComparison.Ordinal) == true;

    /// <summary>Whether an export with subject <paramref name="subject"/> held records of village <paramref name="village"/>.</summary>
    public static bool ExportCovers(string subject, string village) =>
        IsExport(subject) && RegionCodes.IsWithin(village, subject[ExportPrefix.Length..]);
}
