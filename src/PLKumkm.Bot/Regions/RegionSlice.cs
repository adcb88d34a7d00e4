using System.Collections;

namespace PLKumkm.Bot.Regions;

/// <summary>A read-only window on a level's sorted array; children lists cost no copy.</summary>
internal sealed class RegionSlice(Region[] regions, int start, int count) : IReadOnlyList<Region>
{
    public int Count => count;

    public Region this[int index] =>
        (uint)index < (uint)count ? regions[start + index] : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<Region> GetEnumerator()
    {
        for (var i = 0; i < count; i++)
        {
            yield return regions[start + i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
