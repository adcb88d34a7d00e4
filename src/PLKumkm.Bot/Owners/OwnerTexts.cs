using System.Globalization;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Messaging;
using PLKumkm.Bot.Records;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.Entities;
using PLKumkm.Bot.Validation;

namespace PLKumkm.Bot.Owners;

/// <summary>How owner commands describe records: review state and the time of the last change, in the region's clock.</summary>
internal static class OwnerTexts
{
    public static readonly UserText NoRecords = new(
        "Belum ada data usaha atau koperasi yang Anda daftarkan sendiri. Ketik /start untuk mendaftar.",
        "You have not registered a business or cooperative yourself yet. Type /start to register.");

    public static string State(IRegisteredRecord record, string language) => (record.Status, language) switch
    {
        (RecordStatus.Active, Languages.English) => "Active",
        (RecordStatus.Active, _) => "Aktif",
        (RecordStatus.Flagged, Languages.English) => $"Under review: {record.FlagReason}",
        (RecordStatus.Flagged, _) => $"Sedang ditinjau: {record.FlagReason}",
        (RecordStatus.Rejected, Languages.English) => "Rejected",
        (RecordStatus.Rejected, _) => "Ditolak",
        (RecordStatus.Duplicate, Languages.English) => "Duplicate",
        (RecordStatus.Duplicate, _) => "Duplikat",
        (RecordStatus.Withdrawn, Languages.English) => "Deleted",
        (RecordStatus.Withdrawn, _) => "Dihapus",
        _ => record.Status.ToString(),
    };

    public static string Name(IRegisteredRecord record, string language) =>
        record.BusinessName.Length > 0 ? record.BusinessName : language == Languages.English ? "(deleted)" : "(dihapus)";

    /// <summary><c>27 November 2026 10.05 WIB</c>.</summary>
    public static string When(DateTimeOffset at, string regencyCode, RegionCatalog regions, string language = Languages.Indonesian)
    {
        var (zone, abbreviation) = ZoneOf(regencyCode, regions);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        // Indonesian writes the time 15.24, English 15:24 (as the progress answers do).
        var time = local.ToString(language == Languages.English ? "HH:mm" : "HH.mm", CultureInfo.InvariantCulture);
        return $"{DateParser.Format(DateOnly.FromDateTime(local.DateTime), language)} {time} {abbreviation}";
    }

    private static (TimeZoneInfo Zone, string Abbreviation) ZoneOf(string regencyCode, RegionCatalog regions)
    {
        try
        {
            return (regions.TimeZoneOf(regencyCode), regions.TimeZoneAbbreviation(regencyCode));
        }
        catch (ArgumentException)
        {
            return (RegionTimeZones.Wib, "WIB");
        }
    }

    public static string Masked(string? nik) => nik is null ? "" : NikParser.Mask(nik);
}
