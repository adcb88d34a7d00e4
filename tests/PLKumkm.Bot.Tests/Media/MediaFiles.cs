namespace PLKumkm.Bot.Tests.Media;

/// <summary>Where a host on a test database keeps a stored photo: <c>media/</c> beside the database.</summary>
internal static class MediaFiles
{
    public static string Folder(TestDatabase db) => db.MediaFolder;

    /// <summary>The file of a <c>sha256:&lt;hex&gt;.&lt;ext&gt;</c> reference.</summary>
    public static string PathIn(TestDatabase db, string reference)
    {
        Assert.True(Bot.Media.MediaReference.TryParse(reference, out var parsed), $"not a stored photo's reference: {reference}");
        return Path.Combine(Folder(db), parsed.RelativePath);
    }

    /// <summary>Every file in the store (the temporary folder included: nothing may be left there).</summary>
    public static IReadOnlyList<string> All(TestDatabase db) =>
        Directory.Exists(Folder(db)) ? Directory.GetFiles(Folder(db), "*", SearchOption.AllDirectories) : [];
}
