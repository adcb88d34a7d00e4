using PLKumkm.Bot.Core;

namespace PLKumkm.Bot.Storage.Counting;

/// <summary>One cell of <c>daily_counts</c>: a regency, its local day, and the kind of record.</summary>
internal readonly record struct CountKey(string RegencyCode, DateOnly Day, RecordKind Kind)
{
    public string ProvinceCode => RegencyCode[..2];
}
