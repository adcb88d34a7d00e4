using Microsoft.EntityFrameworkCore.ChangeTracking;
using PLKumkm.Bot.Core;
using PLKumkm.Bot.Regions;
using PLKumkm.Bot.Storage.Entities;

namespace PLKumkm.Bot.Storage.Counting;

/// <summary>
/// Net changes to <c>daily_counts</c>, gathered in memory (from EF's change tracker, or row by row
/// by the bulk import) and then written in one go by <see cref="DailyCountStore"/>.
/// </summary>
internal sealed class CountDeltas
{
    private readonly Dictionary<CountKey, int> _deltas = [];

    public bool IsEmpty => _deltas.Values.All(d => d == 0);

    public IEnumerable<KeyValuePair<CountKey, int>> NonZero => _deltas.Where(d => d.Value != 0);

    public int this[CountKey key] => _deltas.GetValueOrDefault(key);

    /// <summary>
    /// What saving the tracked changes does to the counts. A record counts on its regency's local
    /// day of <c>WaktuKirim</c> while its status counts; a change of status, region or time moves
    /// it (−1 where it was, +1 where it is now).
    /// </summary>
    /// <remarks>
    /// Works for any <see cref="ICountedRecord"/> entity whose mapped properties carry the interface's
    /// member names (<c>Status</c>, <c>KodeKabupaten</c>, <c>WaktuKirim</c>).
    /// </remarks>
    public static CountDeltas FromChanges(ChangeTracker tracker)
    {
        var deltas = new CountDeltas();
        foreach (var entry in tracker.Entries())
        {
            if (entry.Entity is not ICountedRecord record)
            {
                continue;
            }

            switch (entry.State)
            {
                case Microsoft.EntityFrameworkCore.EntityState.Added:
                    deltas.Add(record.Kind, record.KodeKabupaten, record.WaktuKirim, record.Status, +1);
                    break;
                case Microsoft.EntityFrameworkCore.EntityState.Deleted:
                    deltas.Add(record.Kind, Original(entry, nameof(ICountedRecord.KodeKabupaten), record.KodeKabupaten),
                        Original(entry, nameof(ICountedRecord.WaktuKirim), record.WaktuKirim),
                        Original(entry, nameof(ICountedRecord.Status), record.Status), -1);
                    break;
                case Microsoft.EntityFrameworkCore.EntityState.Modified:
                    deltas.Add(record.Kind, Original(entry, nameof(ICountedRecord.KodeKabupaten), record.KodeKabupaten),
                        Original(entry, nameof(ICountedRecord.WaktuKirim), record.WaktuKirim),
                        Original(entry, nameof(ICountedRecord.Status), record.Status), -1);
                    deltas.Add(record.Kind, record.KodeKabupaten, record.WaktuKirim, record.Status, +1);
                    break;
            }
        }

        return deltas;
    }

    /// <summary>Adds <paramref name="delta"/> for a record in this state; nothing when the status does not count or the regency is unknown.</summary>
    public void Add(RecordKind kind, string regencyCode, DateTimeOffset sentAt, RecordStatus status, int delta)
    {
        if (!CountedStatuses.Counts(status) || !TryKey(kind, regencyCode, sentAt, out var key))
        {
            return;
        }

        Add(key, delta);
    }

    public void Add(CountKey key, int delta) =>
        _deltas[key] = _deltas.GetValueOrDefault(key) + delta;

    public void Clear() => _deltas.Clear();

    /// <summary>The cell a record belongs to; false when its regency code is not a usable regency code.</summary>
    public static bool TryKey(RecordKind kind, string? regencyCode, DateTimeOffset sentAt, out CountKey key)
    {
        key = default;
        if (regencyCode is null || regencyCode.Length != 5 || !RegionCodes.IsValid(regencyCode)
            || !LocalDay.TryOf(regencyCode, sentAt, out var day))
        {
            return false;
        }

        key = new CountKey(regencyCode, day, kind);
        return true;
    }

    private static T Original<T>(EntityEntry entry, string property, T current) =>
        entry.Metadata.FindProperty(property) is { } p ? (T)entry.OriginalValues[p]! : current;
}
