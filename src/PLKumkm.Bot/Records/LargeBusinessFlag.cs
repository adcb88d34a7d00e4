using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Records;

/// <summary>A large business (above PP 7/2021's medium class) is outside UMKM: kept, but flagged for a coordinator.</summary>
internal static class LargeBusinessFlag
{
    public const string Reason = "skala besar: di luar cakupan UMKM";

    public static void Apply(UmkmRecord record)
    {
        // A record already decided (duplicate, rejected, withdrawn) stays decided.
        if (record.Skala == SizeClass.Besar && record.Status == RecordStatus.Active)
        {
            record.Status = RecordStatus.Flagged;
            record.FlagReason = Reason;
        }
    }
}
