namespace PLKumkm.Bot.Records.Import;

/// <summary>
/// A 64-bit FNV-1a hash of (NIK, normalised business name): millions of known businesses fit in a
/// small set, and only a hit needs the index lookup that decides for certain.
/// </summary>
internal static class BusinessKeyHash
{
    public static ulong Of(string nik, string normalName)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in nik)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        hash = (hash ^ 0xFFFF) * 1099511628211UL;
        foreach (var c in normalName)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
