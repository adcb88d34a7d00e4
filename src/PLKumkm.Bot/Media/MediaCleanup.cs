using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PLKumkm.Bot.Conversations.Handling;
using PLKumkm.Bot.Storage;

namespace PLKumkm.Bot.Media;

/// <summary>
/// Deletes stored photos nothing refers to any more. A file is referred to by a UMKM record's <c>Foto</c>, an answer in
/// an open form, or a claim's kept answers; history versions do not keep a file (an erased one says only that it went).
/// </summary>
/// <remarks>Ages are file times, which follow the machine's clock, so they are compared with it rather than with the
/// injected <see cref="TimeProvider"/>.</remarks>
internal sealed partial class MediaCleanup(MediaStore store, ILogger<MediaCleanup> logger)
{
    /// <summary>
    /// After a commit: deletes the files of <paramref name="released"/> that nothing refers to now. A file written or
    /// seen again since <paramref name="notTouchedSince"/> may belong to an update being fetched right now: it is left
    /// to the retention sweep.
    /// </summary>
    public async Task<int> DeleteReleasedAsync(BotDbContext db, IReadOnlyCollection<string> released, DateTimeOffset notTouchedSince, CancellationToken ct)
    {
        var candidates = released.Select(r => MediaReference.TryParse(r, out var m) ? m : null).OfType<MediaReference>().Distinct().ToList();
        if (candidates.Count == 0)
        {
            return 0;
        }

        var referenced = await ReferencedAsync(db, candidates.Select(c => c.ToString()).ToList(), ct);
        var deleted = 0;
        foreach (var reference in candidates.Where(c => !referenced.Contains(c.ToString())))
        {
            var path = store.PathOf(reference);
            if (File.Exists(path) && File.GetLastWriteTimeUtc(path) < notTouchedSince.UtcDateTime && store.Delete(reference))
            {
                deleted++;
            }
        }

        if (deleted > 0)
        {
            LogDeleted(deleted);
        }

        return deleted;
    }

    /// <summary>The retention sweep: files older than <paramref name="olderThan"/> that nothing refers to are deleted.</summary>
    public async Task<int> SweepAsync(BotDbContext db, TimeSpan olderThan, CancellationToken ct)
    {
        var cutoff = DateTime.UtcNow - olderThan;
        var old = store.List().Where(f => f.WrittenAtUtc < cutoff).Select(f => f.Reference).ToList();
        if (old.Count == 0)
        {
            return 0;
        }

        var referenced = await ReferencedAsync(db, only: null, ct);
        var deleted = old.Count(r => !referenced.Contains(r.ToString()) && store.Delete(r));
        if (deleted > 0)
        {
            LogSwept(deleted);
        }

        return deleted;
    }

    /// <summary>Which references (of <paramref name="only"/>, or all) a record, an open form or a claim still holds.</summary>
    public static async Task<HashSet<string>> ReferencedAsync(BotDbContext db, IReadOnlyCollection<string>? only, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var some = only?.ToArray();
        var records = some is null
            ? db.UmkmRecords.AsNoTracking().Where(r => r.Foto != null && r.Foto.StartsWith(MediaReference.Scheme))
            : db.UmkmRecords.AsNoTracking().Where(r => r.Foto != null && some.Contains(r.Foto));
        found.UnionWith(await records.Select(r => r.Foto!).Distinct().ToListAsync(ct));

        // Answers are encrypted: open forms are read one by one (few next to records; erasure and the sweep are rare).
        await foreach (var row in db.Sessions.AsNoTracking().Where(s => s.IsActive).AsAsyncEnumerable().WithCancellation(ct))
        {
            try
            {
                Collect(SessionStore.Read(row).Answers.Values, only, found);
            }
            catch (JsonException)
            {
                // An unreadable form holds nothing to keep.
            }
        }

        foreach (var json in await db.RecordClaims.AsNoTracking().Where(c => c.AnswersJson != null).Select(c => c.AnswersJson!).ToListAsync(ct))
        {
            try
            {
                Collect((JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []).Values, only, found);
            }
            catch (JsonException)
            {
                // As above.
            }
        }

        return found;
    }

    /// <summary>The stored photos among answers (for releasing them when the answers go).</summary>
    public static IEnumerable<string> In(IEnumerable<string> answers) => answers.Where(a => MediaReference.TryParse(a, out _));

    private static void Collect(IEnumerable<string> values, IReadOnlyCollection<string>? only, HashSet<string> found)
    {
        foreach (var value in In(values))
        {
            if (only is null || only.Contains(value))
            {
                found.Add(value);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} stored photo(s) nothing refers to any more")]
    private partial void LogDeleted(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: deleted {Count} stored photo(s) nothing referred to")]
    private partial void LogSwept(int count);
}
